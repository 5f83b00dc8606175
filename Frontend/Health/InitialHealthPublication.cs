using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Sesame.Frontend.Health;

/// <summary>
/// Runs the health checks once as the host starts, before the endpoint listens, and hands the report to the
/// publishers, so the first <c>Health/Check</c> is answered from a real result rather than NOT_FOUND. The publisher
/// service then runs them again every period.
/// </summary>
internal sealed class InitialHealthPublication(HealthCheckService health, IEnumerable<IHealthCheckPublisher> publishers) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        foreach (var publisher in publishers)
        {
            await publisher.PublishAsync(report, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
