using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Sesame.Grains.Interfaces.Telemetry;
using Sesame.Grains.Telemetry;
using Sesame.Testing;

namespace Sesame.Grains.Tests.Telemetry;

public sealed class OutboxBacklogTests
{
    [Fact]
    public async Task OldestAge_MessageWaitsFiveMinutesThenDelivered_FiveMinutesThenNothing()
    {
        // Arrange: the sender waits until the dispatcher starts, as before a host starts.
        await using var host = await GrainsTestHost.StartAsync();
        using var oldestAge = new MetricCollector<double>(host.MeterFactory, SesameTelemetry.MeterName, OutboxBacklog.OldestAgeName);
        await MessageMetricsTests.StartRecoveryByEmailAsync(host);

        // Act
        host.Time.Advance(TimeSpan.FromMinutes(5));
        oldestAge.RecordObservableInstruments();
        var waiting = oldestAge.LastMeasurement!;
        await host.StartDispatcherAsync();
        await Eventually.TrueAsync(() => host.Outbox.Sent.Count == 1);

        // Assert
        Assert.Equal((300.0, GrainsTestHost.Tenant), (waiting.Value, waiting.Tags[SesameTelemetry.TenantTag]));
        await Eventually.TrueAsync(() =>
        {
            oldestAge.Clear();
            oldestAge.RecordObservableInstruments();
            return oldestAge.GetMeasurementSnapshot().Count == 0;
        });
    }
}
