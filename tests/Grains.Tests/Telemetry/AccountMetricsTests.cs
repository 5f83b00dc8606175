using System.Text.RegularExpressions;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Telemetry;
using Sesame.Grains.Notifications;
using Sesame.Grains.Telemetry;
using Sesame.Testing;

namespace Sesame.Grains.Tests.Telemetry;

public sealed class AccountMetricsTests
{
    private const string Pin = "482913";
    private const string Email = "sophie.martin@courriel.fr";

    [Fact]
    public async Task Login_WrongPinsUntilLockout_OneLockoutOfTheTenantCounted()
    {
        // Arrange
        await using var host = await GrainsTestHost.StartAsync();
        using var lockouts = new MetricCollector<long>(host.MeterFactory, SesameTelemetry.MeterName, AccountMetrics.LockoutsName);
        var key = await CreateAsync(host);

        // Act: the tenant locks after three wrong PINs.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await host.Account(key).LoginAsync("000000", null, GrainsTestHost.Origin, CancellationToken.None);
        }

        // Assert
        var lockout = Assert.Single(lockouts.GetMeasurementSnapshot());
        Assert.Equal(1, lockout.Value);
        Assert.Equal(new Dictionary<string, object?> { [SesameTelemetry.TenantTag] = GrainsTestHost.Tenant }, lockout.Tags);
    }

    [Fact]
    public async Task RecoveryCode_SentByEmailThenVerified_CountedOnceEachByChannel()
    {
        // Arrange
        await using var host = await GrainsTestHost.StartAsync();
        using var sent = new MetricCollector<long>(host.MeterFactory, SesameTelemetry.MeterName, AccountMetrics.RecoveryCodesSentName);
        using var verified = new MetricCollector<long>(host.MeterFactory, SesameTelemetry.MeterName, AccountMetrics.RecoveryCodesVerifiedName);
        var key = await CreateAsync(host);
        await host.StartDispatcherAsync();
        var flow = RandomToken.New();

        // Act
        await host.Account(key).StartRecoveryAsync(null, flow, GrainsTestHost.Origin, CancellationToken.None);
        var code = OneTimeCodeIn(await host.MessageAsync(Email, 1));
        var verification = await host.Account(key).VerifyCodeAsync(flow, code, GrainsTestHost.Origin, CancellationToken.None);

        // Assert
        Assert.NotNull(verification.ResetToken);
        var expected = new Dictionary<string, object?> { [SesameTelemetry.TenantTag] = GrainsTestHost.Tenant, [TagValues.Channel] = "email" };
        Assert.Equal(expected, Assert.Single(sent.GetMeasurementSnapshot()).Tags);
        Assert.Equal(expected, Assert.Single(verified.GetMeasurementSnapshot()).Tags);
    }

    [Fact]
    public async Task ActiveAccounts_AccountCreatedThenCollected_UpThenDownForItsTenant()
    {
        // Arrange
        await using var host = await GrainsTestHost.StartAsync();
        using var active = new MetricCollector<long>(host.MeterFactory, SesameTelemetry.MeterName, AccountMetrics.ActiveAccountsName);

        // Act
        await CreateAsync(host);
        var whileActive = active.GetMeasurementSnapshot().Sum(measurement => measurement.Value);
        await host.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        // Assert
        Assert.Equal(1, whileActive);
        await Eventually.TrueAsync(() => active.GetMeasurementSnapshot().Count == 2);
        Assert.Equal([1, -1], active.GetMeasurementSnapshot().Select(measurement => measurement.Value));
        Assert.All(active.GetMeasurementSnapshot(), measurement => Assert.Equal(GrainsTestHost.Tenant, measurement.Tags[SesameTelemetry.TenantTag]));
    }

    private static async Task<string> CreateAsync(GrainsTestHost host)
    {
        var key = GrainsTestHost.NewAccountKey();
        var created = await host.Account(key).CreateAsync(new NewMemberAccount(Pin, null) { Identifier = GrainsTestHost.IdentifierOf(key), Contacts = new MemberContacts(Email, null, []) }, GrainsTestHost.Origin, CancellationToken.None);
        Assert.Equal(AccountCreationStatus.Created, created.Status);
        return key;
    }

    private static string OneTimeCodeIn(RenderedMessage message) => Regex.Match(message.Body, "usage unique : ([A-Z0-9]+)").Groups[1].Value;
}
