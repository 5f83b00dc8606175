using HdrHistogram;

namespace Sesame.LoadTest.Measuring;

/// <summary>Latencies in microseconds up to ten minutes, three significant digits (HdrHistogram).</summary>
internal static class Latency
{
    private const long HighestMicroseconds = 600_000_000;

    public static LongHistogram NewHistogram() => new(HighestMicroseconds, 3);

    /// <summary>Records <paramref name="latency"/>, a longer one as the longest trackable.</summary>
    public static void Record(this LongHistogram histogram, TimeSpan latency)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        histogram.RecordValue(Math.Clamp((long)latency.TotalMicroseconds, 0, HighestMicroseconds));
    }

    public static LatencySummary Summarize(this HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.TotalCount == 0)
        {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
        }

        static double Milliseconds(long microseconds) => microseconds / 1000.0;
        return new LatencySummary(
            histogram.TotalCount,
            Milliseconds(histogram.GetValueAtPercentile(50)),
            Milliseconds(histogram.GetValueAtPercentile(90)),
            Milliseconds(histogram.GetValueAtPercentile(99)),
            Milliseconds(histogram.GetValueAtPercentile(99.9)),
            Milliseconds(histogram.GetMaxValue()),
            histogram.GetMean() / 1000.0);
    }
}

/// <summary>A latency distribution in milliseconds.</summary>
internal sealed record LatencySummary(long Count, double P50, double P90, double P99, double P999, double Max, double Mean);
