namespace Sesame.Silo.Tests.Hosting;

/// <summary>
/// Tests that listen to Sésame's meter and span sources by name: every host of the process publishes under those
/// names, so these run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
