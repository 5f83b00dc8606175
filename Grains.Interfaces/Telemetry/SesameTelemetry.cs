namespace Sesame.Grains.Interfaces.Telemetry;

/// <summary>The names under which Sésame publishes its metrics and traces, for exporters to subscribe to.</summary>
public static class SesameTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> of every Sésame instrument, in the frontend and the grains.</summary>
    public const string MeterName = "Sesame";

    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> of Sésame's own spans.</summary>
    public const string ActivitySourceName = "Sesame";

    /// <summary>The tag naming the portal (tenant) a measurement belongs to; the only account-related tag there is.</summary>
    public const string TenantTag = "sesame.tenant";
}
