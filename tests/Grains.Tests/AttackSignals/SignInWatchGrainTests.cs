using Sesame.Grains.AttackSignals;
using Sesame.Grains.Interfaces.Telemetry;
using static Sesame.Grains.Tests.AttackSignals.SignInWatchHost;

namespace Sesame.Grains.Tests.AttackSignals;

public sealed class SignInWatchGrainTests(SignInWatchHost watch) : IClassFixture<SignInWatchHost>
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task RecordFailureAsync_WaveOnManyAccounts_OneStuffingWarningAndSignal()
    {
        var tenant = NewTenant();
        using var signals = watch.Signals();

        await watch.RefuseAsync(tenant, NewAccounts(tenant, FailedAccountsThreshold * 2));

        var warning = Assert.Single(watch.WarningsAbout(tenant));
        Assert.Equal($"Attack signal (credential stuffing) on tenant {tenant}: sign-ins refused on {FailedAccountsThreshold} distinct accounts in the last 10 min ({FailedAccountsThreshold} refused sign-ins; threshold {FailedAccountsThreshold} accounts).", warning.Message);
        Assert.Equal(1, SignalsOf(signals, tenant, SignInWatchMetrics.StuffingSignal));
        Assert.Equal(0, SignalsOf(signals, tenant, SignInWatchMetrics.ClientIpSignal));
        Assert.Equal(FailedAccountsThreshold * 2, watch.Gauge(SignInWatchMetrics.FailedAccountsName, tenant));
    }

    [Fact]
    public async Task RecordFailureAsync_RepeatedFailuresOnFewerAccountsThanThreshold_NoSignal()
    {
        var tenant = NewTenant();
        using var signals = watch.Signals();
        var accounts = NewAccounts(tenant, FailedAccountsThreshold - 1);

        for (var round = 0; round < 3; round++)
        {
            await watch.RefuseAsync(tenant, accounts);
            watch.Host.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Empty(watch.WarningsAbout(tenant));
        Assert.Equal((0L, 0L), (SignalsOf(signals, tenant, SignInWatchMetrics.StuffingSignal), SignalsOf(signals, tenant, SignInWatchMetrics.ClientIpSignal)));
        Assert.Equal(3 * (FailedAccountsThreshold - 1), watch.Gauge(SignInWatchMetrics.FailuresName, tenant));
        Assert.Equal(FailedAccountsThreshold - 1, watch.Gauge(SignInWatchMetrics.FailedAccountsName, tenant));
    }

    [Fact]
    public async Task RecordFailureAsync_OneClientIpOnManyAccounts_ClientIpWarningAndSignal()
    {
        var tenant = NewTenant();
        using var signals = watch.Signals();
        await watch.RefuseAsync(tenant, NewAccounts(tenant, ClientIpAccountsThreshold - 1), "198.51.100.7");

        await watch.RefuseAsync(tenant, NewAccounts(tenant, ClientIpAccountsThreshold), "203.0.113.9");

        var warning = Assert.Single(watch.WarningsAbout(tenant));
        Assert.StartsWith($"Attack signal (client IP) on tenant {tenant}: client IP ", warning.Message, StringComparison.Ordinal);
        Assert.EndsWith($" refused on {ClientIpAccountsThreshold} distinct accounts in the last 10 min ({ClientIpAccountsThreshold} refused sign-ins; threshold {ClientIpAccountsThreshold} accounts).", warning.Message, StringComparison.Ordinal);
        Assert.Equal(1, SignalsOf(signals, tenant, SignInWatchMetrics.ClientIpSignal));
        Assert.Equal(0, SignalsOf(signals, tenant, SignInWatchMetrics.StuffingSignal));
    }

    [Fact]
    public async Task RecordFailureAsync_OldFailuresLeftTheWindow_NotCounted()
    {
        var tenant = NewTenant();
        using var signals = watch.Signals();
        await watch.RefuseAsync(tenant, NewAccounts(tenant, FailedAccountsThreshold - 1));
        watch.Host.Time.Advance(Window - TimeSpan.FromMinutes(1));
        var lastMinute = watch.Gauge(SignInWatchMetrics.FailedAccountsName, tenant);

        watch.Host.Time.Advance(TimeSpan.FromMinutes(1));
        var windowPassed = watch.Gauge(SignInWatchMetrics.FailedAccountsName, tenant);
        await watch.RefuseAsync(tenant, NewAccounts(tenant, FailedAccountsThreshold - 1));

        Assert.Equal((FailedAccountsThreshold - 1, 0), (lastMinute, windowPassed));
        Assert.Equal(FailedAccountsThreshold - 1, watch.Gauge(SignInWatchMetrics.FailedAccountsName, tenant));
        Assert.Equal((0L, 0L), (SignalsOf(signals, tenant, SignInWatchMetrics.StuffingSignal), SignalsOf(signals, tenant, SignInWatchMetrics.ClientIpSignal)));
        Assert.Empty(watch.WarningsAbout(tenant));
    }

    [Fact]
    public async Task RecordFailureAsync_WaveEndsThenRisesAgain_SignalledOncePerEpisode()
    {
        var tenant = NewTenant();
        using var signals = watch.Signals();
        await watch.RefuseAsync(tenant, NewAccounts(tenant, FailedAccountsThreshold));
        for (var minute = 0; minute < 15; minute++)
        {
            watch.Host.Time.Advance(TimeSpan.FromMinutes(1));
            await watch.RefuseAsync(tenant, NewAccounts(tenant, FailedAccountsThreshold / 2));
        }

        var duringWave = watch.WarningsAbout(tenant).Length;
        watch.Host.Time.Advance(Window);
        await watch.RefuseAsync(tenant, NewAccounts(tenant, 1));
        watch.Host.Time.Advance(TimeSpan.FromMinutes(1));
        await watch.RefuseAsync(tenant, NewAccounts(tenant, FailedAccountsThreshold));

        Assert.Equal(1, duringWave);
        Assert.Equal(2, watch.WarningsAbout(tenant).Length);
        Assert.Equal(2, SignalsOf(signals, tenant, SignInWatchMetrics.StuffingSignal));
    }

    [Fact]
    public async Task RecordFailureAsync_WatchIdle_GaugesEmptyOnceTheWindowPassed()
    {
        var tenant = NewTenant();
        await watch.RefuseAsync(tenant, NewAccounts(tenant, 3));

        watch.Host.Time.Advance(Window);

        Assert.Equal((0, 0), (watch.Gauge(SignInWatchMetrics.FailuresName, tenant), watch.Gauge(SignInWatchMetrics.FailedAccountsName, tenant)));
    }

    [Fact]
    public async Task RecordFailureAsync_FirstFailure_SignalCountersOfTheTenantStartAtZero()
    {
        var tenant = NewTenant();
        using var signals = watch.Signals();

        await watch.RefuseAsync(tenant, NewAccounts(tenant, 1));

        Assert.Equal(
            [(SignInWatchMetrics.ClientIpSignal, 0L), (SignInWatchMetrics.StuffingSignal, 0L)],
            signals.GetMeasurementSnapshot().Where(measurement => Equals(measurement.Tags[SesameTelemetry.TenantTag], tenant)).Select(measurement => ((string)measurement.Tags[SignInWatchMetrics.SignalTag]!, measurement.Value)).Order());
    }
}
