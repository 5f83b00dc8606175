using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Storage;

namespace Sesame.Silo.Health;

/// <summary>
/// Healthy while the default grain storage answers a read (of a record that never exists), within its own retries: on
/// Azure Table, one query; in memory, always.
/// </summary>
internal sealed class StorageHealthCheck(IGrainStorage storage) : IHealthCheck
{
    private static readonly GrainId Probe = GrainId.Create("health", "probe");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.ReadStateAsync("probe", Probe, new GrainState<ProbeState>());
            return HealthCheckResult.Healthy("The grain storage answers.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The grain storage does not answer.");
        }
    }

    private sealed class ProbeState;
}
