using System.Diagnostics;
using Sesame.Grains.Interfaces.Telemetry;

namespace Sesame.Grains.Telemetry;

/// <summary>Sésame's own spans, inside the grain calls Orleans traces: where a sign-in spends its time besides storage.</summary>
internal static class SesameActivities
{
    public static ActivitySource Source { get; } = new(SesameTelemetry.ActivitySourceName);
}
