using Grpc.Core;
using HdrHistogram;

namespace Sesame.LoadTest.Measuring;

/// <summary>
/// What a run measured. Calls count in the phase (step, or the drain after the last) in which they ended: latency
/// from the time the call was due, by method, and gRPC errors by status. Journeys count in the step they arrived in,
/// by scenario and outcome, with the time they spent in calls. <see cref="Tick"/> closes one second of the timeline.
/// </summary>
internal sealed class RunRecorder
{
    private readonly Phase[] phases;
    private readonly Lock secondLock = new();
    private readonly List<TimelinePoint> timeline = [];
    private LongHistogram second = Latency.NewHistogram();
    private long secondErrors;
    private long secondJourneys;
    private volatile int currentPhase;

    public RunRecorder(int steps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        phases = [.. Enumerable.Range(0, steps + 1).Select(_ => new Phase())];
    }

    /// <summary>The phase calls count in now: a step index, or the number of steps for the drain.</summary>
    public int CurrentPhase
    {
        get => currentPhase;
        set => currentPhase = Math.Clamp(value, 0, phases.Length - 1);
    }

    public IReadOnlyList<TimelinePoint> Timeline
    {
        get
        {
            lock (secondLock)
            {
                return [.. timeline];
            }
        }
    }

    public void RecordCall(string method, TimeSpan latency, StatusCode? error)
    {
        var phase = phases[currentPhase];
        lock (phase.Lock)
        {
            phase.Calls.Record(latency);
            Histogram(phase.ByMethod, method).Record(latency);
            if (error is { } status)
            {
                var key = $"{method} {status}";
                phase.Errors[key] = phase.Errors.GetValueOrDefault(key) + 1;
            }
        }

        lock (secondLock)
        {
            second.Record(latency);
            secondErrors += error is null ? 0 : 1;
        }
    }

    public void RecordArrival(int step)
    {
        Interlocked.Increment(ref phases[step].Arrivals);
        Interlocked.Increment(ref secondJourneys);
    }

    public void RecordJourney(int step, string scenario, string outcome, TimeSpan busy)
    {
        var phase = phases[step];
        lock (phase.Lock)
        {
            Histogram(phase.ByOutcome, $"{scenario}\t{outcome}").Record(busy);
        }
    }

    /// <summary>Ends the second that ends at <paramref name="at"/> from the start: its calls, errors, arrivals and latencies.</summary>
    public TimelinePoint Tick(TimeSpan at)
    {
        lock (secondLock)
        {
            var summary = second.Summarize();
            var point = new TimelinePoint(at.TotalSeconds, summary.Count, secondErrors, Interlocked.Exchange(ref secondJourneys, 0), summary.P50, summary.P99, summary.Max);
            timeline.Add(point);
            second = Latency.NewHistogram();
            secondErrors = 0;
            return point;
        }
    }

    /// <summary>What phase <paramref name="index"/> measured.</summary>
    public PhaseFigures Figures(int index)
    {
        var phase = phases[index];
        lock (phase.Lock)
        {
            return new PhaseFigures(
                Interlocked.Read(ref phase.Arrivals),
                phase.Calls.Summarize(),
                phase.ByMethod.OrderBy(entry => entry.Key, StringComparer.Ordinal).ToDictionary(entry => entry.Key, entry => entry.Value.Summarize()),
                phase.ByOutcome.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => entry.Key.Split('\t') is [var scenario, var outcome] ? new OutcomeFigures(scenario, outcome, entry.Value.Summarize()) : throw new InvalidOperationException()).ToList(),
                new SortedDictionary<string, long>(phase.Errors, StringComparer.Ordinal));
        }
    }

    private static LongHistogram Histogram(Dictionary<string, LongHistogram> histograms, string key)
    {
        if (!histograms.TryGetValue(key, out var histogram))
        {
            histograms[key] = histogram = Latency.NewHistogram();
        }

        return histogram;
    }

    private sealed class Phase
    {
        public readonly Lock Lock = new();
        public readonly LongHistogram Calls = Latency.NewHistogram();
        public readonly Dictionary<string, LongHistogram> ByMethod = new(StringComparer.Ordinal);
        public readonly Dictionary<string, LongHistogram> ByOutcome = new(StringComparer.Ordinal);
        public readonly Dictionary<string, long> Errors = new(StringComparer.Ordinal);
        public long Arrivals;
    }
}

/// <summary>One second of a run: calls ended, of which gRPC errors, journeys arrived, call latency percentiles (ms).</summary>
internal sealed record TimelinePoint(double Second, long Calls, long Errors, long Arrivals, double P50, double P99, double Max);

/// <summary>A phase's figures: journeys arrived, calls (all, by method), journeys by outcome, gRPC errors by method and status.</summary>
internal sealed record PhaseFigures(long Arrivals, LatencySummary Calls, IReadOnlyDictionary<string, LatencySummary> ByMethod, IReadOnlyList<OutcomeFigures> Outcomes, IReadOnlyDictionary<string, long> Errors);

/// <summary>The journeys of one scenario that ended with one outcome, and the time they spent in calls (ms).</summary>
internal sealed record OutcomeFigures(string Scenario, string Outcome, LatencySummary Busy);
