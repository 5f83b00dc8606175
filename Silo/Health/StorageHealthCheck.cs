using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sesame.Runtime;
using Sesame.Runtime.Storage;

namespace Sesame.Silo.Health;

/// <summary>
/// Healthy while the grain storage answers a read (of a record that never exists), within its own retries: on Azure
/// Table, one GET; in memory, always.
/// </summary>
internal sealed class StorageHealthCheck(IGrainStorage storage) : IHealthCheck
{
    private static readonly GrainId Probe = new("health", "probe");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.ReadAsync("probe", Probe, cancellationToken);
            return HealthCheckResult.Healthy("The grain storage answers.");
        }
        catch (GrainStorageException)
        {
            return HealthCheckResult.Unhealthy("The grain storage does not answer.");
        }
    }
}
