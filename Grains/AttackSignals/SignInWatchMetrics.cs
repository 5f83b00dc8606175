using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Sesame.Grains.Interfaces.Telemetry;

namespace Sesame.Grains.AttackSignals;

/// <summary>
/// The instruments of the attack signals: the window's figures of each tenant whose watch is active on this silo, as
/// gauges read at collection time, and the signals raised.
/// </summary>
internal sealed class SignInWatchMetrics
{
    public const string FailuresName = "sesame.sign_in.failures.window";
    public const string FailedAccountsName = "sesame.sign_in.failed_accounts.window";
    public const string SignalsName = "sesame.attack.signals";
    public const string SignalTag = "sesame.signal";
    public const string StuffingSignal = "stuffing";
    public const string ClientIpSignal = "ip";

    private readonly ConcurrentDictionary<string, BucketFigures[]> windows = new(StringComparer.Ordinal);
    private readonly Counter<long> signals;
    private readonly TimeProvider time;
    private readonly int buckets;

    public SignInWatchMetrics(IMeterFactory meterFactory, TimeProvider time, IOptions<AttackSignalOptions> options)
    {
        this.time = time;
        buckets = options.Value.Buckets;
        var meter = meterFactory.Create(SesameTelemetry.MeterName);
        meter.CreateObservableGauge(FailuresName, () => Observe(figures => figures.Failures), "{sign_in}", "Sign-ins refused (wrong secret, locked) in the attack-signal window.");
        meter.CreateObservableGauge(FailedAccountsName, () => Observe(figures => figures.Accounts), "{account}", "Distinct accounts refused in the attack-signal window, identifiers with no account included.");
        signals = meter.CreateCounter<long>(SignalsName, "{signal}", "Attack signals raised: a credential-stuffing wave, a client IP refused on many accounts.");
    }

    /// <summary>The current bucket (minute) of the clock.</summary>
    public long CurrentBucket => time.GetUtcNow().UtcTicks / TimeSpan.TicksPerMinute;

    /// <summary>Publishes the window of <paramref name="tenant"/>'s watch.</summary>
    public void Publish(string tenant, BucketFigures[] window) => windows[tenant] = window;

    /// <summary>Stops publishing <paramref name="tenant"/>'s figures: its watch is no longer on this silo.</summary>
    public void Forget(string tenant) => windows.TryRemove(tenant, out _);

    /// <summary>
    /// Starts <paramref name="tenant"/>'s signal counters at zero, so that a rule on their increase sees the first
    /// signal (a series born at 1 has no increase to show).
    /// </summary>
    public void Prepare(string tenant)
    {
        Count(tenant, StuffingSignal, 0);
        Count(tenant, ClientIpSignal, 0);
    }

    public void Signalled(string tenant, string signal) => Count(tenant, signal, 1);

    private void Count(string tenant, string signal, long signalsRaised) =>
        signals.Add(signalsRaised, new KeyValuePair<string, object?>(SesameTelemetry.TenantTag, tenant), new KeyValuePair<string, object?>(SignalTag, signal));

    private IEnumerable<Measurement<int>> Observe(Func<BucketFigures, int> figure)
    {
        var oldest = CurrentBucket - buckets + 1;
        return windows.Select(window => new Measurement<int>(
            window.Value.Where(bucket => bucket.Index >= oldest).Sum(figure),
            new KeyValuePair<string, object?>(SesameTelemetry.TenantTag, window.Key)));
    }
}
