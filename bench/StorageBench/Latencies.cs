namespace Sesame.StorageBench;

/// <summary>Percentiles of a set of call latencies, in milliseconds.</summary>
internal sealed record Latencies(double P50, double P95, double P99, double Max)
{
    public static Latencies Of(double[] samples)
    {
        var sorted = samples.Order().ToArray();
        return new(At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99), sorted[^1]);
    }

    private static double At(double[] sorted, double quantile) => sorted[(int)Math.Ceiling(quantile * sorted.Length) - 1];
}
