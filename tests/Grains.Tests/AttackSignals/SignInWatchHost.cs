using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Sesame.Grains.AttackSignals;
using Sesame.Grains.Interfaces.AttackSignals;
using Sesame.Grains.Interfaces.Telemetry;
using Sesame.Testing;

namespace Sesame.Grains.Tests.AttackSignals;

/// <summary>
/// A one-silo host whose sign-in watches signal at <see cref="FailedAccountsThreshold"/> accounts (a tenant) and
/// <see cref="ClientIpAccountsThreshold"/> (a client IP) in a 10-minute window, with its logs and meters to read.
/// Each test watches a tenant of its own.
/// </summary>
public sealed class SignInWatchHost : IAsyncLifetime
{
    public const int FailedAccountsThreshold = 10;
    public const int ClientIpAccountsThreshold = 4;

    internal GrainsTestHost Host { get; private set; } = null!;

    private IServiceProvider Silo => Host.SiloServices();

    public async Task InitializeAsync() => Host = await GrainsTestHost.StartAsync(configure: services =>
    {
        services.AddFakeLogging();
        services.Configure<AttackSignalOptions>(options =>
        {
            options.FailedAccountsThreshold = FailedAccountsThreshold;
            options.ClientIpAccountsThreshold = ClientIpAccountsThreshold;
        });
    });

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public static string NewTenant() => $"t{Guid.NewGuid():N}"[..12];

    /// <summary>Counts one refused sign-in on each account of <paramref name="accountKeys"/> from <paramref name="clientIp"/>, and waits until the watch has counted them.</summary>
    public async Task RefuseAsync(string tenant, IEnumerable<string> accountKeys, string? clientIp = null)
    {
        var watch = Host.Grains.GetGrain<ISignInWatchGrain>(tenant);
        var expected = Gauge(SignInWatchMetrics.FailuresName, tenant);
        foreach (var accountKey in accountKeys)
        {
            await watch.RecordFailureAsync(accountKey, clientIp, CancellationToken.None);
            expected++;
        }

        await Eventually.TrueAsync(() => Gauge(SignInWatchMetrics.FailuresName, tenant) == expected);
    }

    public static string[] NewAccounts(string tenant, int count) => [.. Enumerable.Range(0, count).Select(_ => GrainsTestHost.NewAccountKey(tenant))];

    /// <summary>A gauge's reading for <paramref name="tenant"/> now; 0 when it has none.</summary>
    public int Gauge(string instrument, string tenant)
    {
        using var collector = new MetricCollector<int>(Silo.GetRequiredService<IMeterFactory>(), SesameTelemetry.MeterName, instrument);
        collector.RecordObservableInstruments();
        return collector.GetMeasurementSnapshot().LastOrDefault(measurement => Equals(measurement.Tags[SesameTelemetry.TenantTag], tenant))?.Value ?? 0;
    }

    /// <summary>A collector of the signals raised from now on.</summary>
    public MetricCollector<long> Signals() => new(Silo.GetRequiredService<IMeterFactory>(), SesameTelemetry.MeterName, SignInWatchMetrics.SignalsName);

    /// <summary>How many signals of <paramref name="signal"/> <paramref name="collector"/> saw raised for <paramref name="tenant"/>.</summary>
    public static long SignalsOf(MetricCollector<long> collector, string tenant, string signal) =>
        collector.GetMeasurementSnapshot()
            .Where(measurement => Equals(measurement.Tags[SesameTelemetry.TenantTag], tenant) && Equals(measurement.Tags[SignInWatchMetrics.SignalTag], signal))
            .Sum(measurement => measurement.Value);

    /// <summary>The warnings logged about <paramref name="tenant"/>.</summary>
    public FakeLogRecord[] WarningsAbout(string tenant) =>
        [.. Silo.GetRequiredService<FakeLogCollector>().GetSnapshot().Where(record => record.Level == LogLevel.Warning && record.Message.Contains($"tenant {tenant}:", StringComparison.Ordinal))];
}
