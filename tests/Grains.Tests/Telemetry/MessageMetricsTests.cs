using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Interfaces.Telemetry;
using Sesame.Grains.Notifications;
using Sesame.Grains.Telemetry;
using Sesame.Testing;

namespace Sesame.Grains.Tests.Telemetry;

public sealed class MessageMetricsTests
{
    [Fact]
    public async Task Delivery_RecoveryEmailSent_OneDeliveredEmailOfTheTenant()
    {
        // Arrange
        await using var host = await GrainsTestHost.StartAsync();
        using var delivered = new MetricCollector<long>(host.MeterFactory, SesameTelemetry.MeterName, MessageMetrics.DeliveredName);
        await host.StartDispatcherAsync();

        // Act
        await StartRecoveryByEmailAsync(host);

        // Assert
        await Eventually.TrueAsync(() => delivered.GetMeasurementSnapshot().Count == 1);
        Assert.Equal(new Dictionary<string, object?> { [SesameTelemetry.TenantTag] = GrainsTestHost.Tenant, [TagValues.Channel] = "email" }, delivered.LastMeasurement!.Tags);
    }

    [Fact]
    public async Task Delivery_ServerDownUntilTheCodeExpires_FailedThenDeadLetteredAsExpired()
    {
        // Arrange
        await using var host = await GrainsTestHost.StartAsync(sender: new UnreachableSender());
        using var failed = new MetricCollector<long>(host.MeterFactory, SesameTelemetry.MeterName, MessageMetrics.FailedName);
        using var deadLettered = new MetricCollector<long>(host.MeterFactory, SesameTelemetry.MeterName, MessageMetrics.DeadLetteredName);
        await host.StartDispatcherAsync();

        // Act: the first attempt fails; the code's ten minutes pass.
        await StartRecoveryByEmailAsync(host);
        await Eventually.TrueAsync(() => failed.GetMeasurementSnapshot().Count == 1);
        host.Time.Advance(TimeSpan.FromMinutes(11));

        // Assert
        Assert.Equal(new Dictionary<string, object?> { [SesameTelemetry.TenantTag] = GrainsTestHost.Tenant, [TagValues.Channel] = "email", [TagValues.Error] = "transient" }, failed.LastMeasurement!.Tags);
        await Eventually.TrueAsync(() => deadLettered.GetMeasurementSnapshot().Count == 1);
        Assert.Equal(new Dictionary<string, object?> { [SesameTelemetry.TenantTag] = GrainsTestHost.Tenant, [TagValues.Channel] = "email", [TagValues.Reason] = "expired" }, deadLettered.LastMeasurement!.Tags);
    }

    internal static async Task<string> StartRecoveryByEmailAsync(GrainsTestHost host)
    {
        var key = GrainsTestHost.NewAccountKey();
        await host.Account(key).CreateAsync(new NewMemberAccount("482913", null) { Identifier = GrainsTestHost.IdentifierOf(key), Contacts = new MemberContacts("karim.benali@exemple.fr", null, []) }, GrainsTestHost.Origin, CancellationToken.None);
        var start = await host.Account(key).StartRecoveryAsync(null, RandomToken.New(), GrainsTestHost.Origin, CancellationToken.None);
        Assert.Equal(CodeChannel.Email, start.Channel);
        return key;
    }

    private sealed class UnreachableSender : INotificationSender
    {
        public Task SendAsync(RenderedMessage message, CancellationToken cancellationToken) => throw new IOException("SMTP server unavailable");
    }
}
