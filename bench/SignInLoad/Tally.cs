using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Sesame.SignInLoad;

/// <summary>
/// The calls of one measurement: the latency of every call that succeeded (all kept, sorted for the percentiles) and
/// the failures by reason. Workers record into their own lists; <see cref="Merge"/> joins them.
/// </summary>
internal sealed class Tally
{
    private readonly List<double> latencies = [];
    private readonly ConcurrentDictionary<string, int> failures = new(StringComparer.Ordinal);

    public int Succeeded => latencies.Count;

    public int Failed => failures.Values.Sum();

    /// <summary>Records <paramref name="calls"/> successes of this latency (the records of one import batch share it).</summary>
    public void Succeed(TimeSpan latency, int calls = 1) => latencies.AddRange(Enumerable.Repeat(latency.TotalMilliseconds, calls));

    public void Fail(string reason, int calls = 1) => failures.AddOrUpdate(reason, calls, (_, count) => count + calls);

    public void Merge(Tally other)
    {
        latencies.AddRange(other.latencies);
        foreach (var (reason, count) in other.failures)
        {
            failures.AddOrUpdate(reason, count, (_, sum) => sum + count);
        }
    }

    /// <summary>
    /// One line for the script: <c>RESULT ok=… failed=… seconds=… rate=… p50_ms=… p90_ms=… p99_ms=… max_ms=… mean_ms=…
    /// errors=reason:count,…</c>; rate is <paramref name="completed"/> (by default the successful calls) per second
    /// over <paramref name="elapsed"/>.
    /// </summary>
    public string Report(TimeSpan elapsed, int? completed = null)
    {
        latencies.Sort();
        var line = new StringBuilder("RESULT");
        void Add(string name, double value) => line.Append(CultureInfo.InvariantCulture, $" {name}={value:0.###}");
        line.Append(CultureInfo.InvariantCulture, $" ok={Succeeded} failed={Failed}");
        Add("seconds", elapsed.TotalSeconds);
        Add("rate", elapsed > TimeSpan.Zero ? (completed ?? Succeeded) / elapsed.TotalSeconds : 0);
        Add("p50_ms", Percentile(0.50));
        Add("p90_ms", Percentile(0.90));
        Add("p99_ms", Percentile(0.99));
        Add("max_ms", latencies.Count == 0 ? 0 : latencies[^1]);
        Add("mean_ms", latencies.Count == 0 ? 0 : latencies.Average());
        line.Append(" errors=").AppendJoin(',', failures.OrderBy(failure => failure.Key, StringComparer.Ordinal).Select(failure => $"{failure.Key}:{failure.Value}"));
        return line.ToString();
    }

    /// <summary>Nearest rank: the smallest sample with at least <paramref name="fraction"/> of the samples at or below it.</summary>
    private double Percentile(double fraction) =>
        latencies.Count == 0 ? 0 : latencies[Math.Clamp((int)Math.Ceiling(fraction * latencies.Count) - 1, 0, latencies.Count - 1)];
}
