using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ScottPlot;
using Sesame.LoadTest.Correctness;

namespace Sesame.LoadTest.Reporting;

/// <summary>
/// Writes a run's report into a directory: <c>report.md</c> (settings, machine, per-phase tables, correctness,
/// charts), <c>latency.png</c> and <c>throughput.png</c> (ScottPlot), and <c>results.json</c> (the raw figures).
/// </summary>
internal static class ReportWriter
{
    public const string Markdown = "report.md";

    public const string Json = "results.json";

    public const string LatencyChart = "latency.png";

    public const string ThroughputChart = "throughput.png";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public static async Task WriteAsync(RunResults results, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, Json), JsonSerializer.Serialize(results, JsonOptions), cancellationToken);
        WriteCharts(results, directory);
        await File.WriteAllTextAsync(Path.Combine(directory, Markdown), Render(results), cancellationToken);
    }

    public static string Render(RunResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var settings = results.Settings;
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"# Sésame load test, {results.StartedAt:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        Line($"**Correctness: {(results.Passed ? "passed" : "FAILED")}** ({results.Checks.Count} accounts hammered with wrong PINs checked against their audit trail). {results.Seconds:0.#} s in all.");
        text.AppendLine();
        text.AppendLine("## Settings").AppendLine();
        Line($"- Servers (round-robin): {string.Join(", ", settings.Addresses.Select(address => $"`{address}`"))}");
        Line($"- Arrival rate (members/s, open loop): {string.Join(" → ", settings.Rates.Select(rate => rate.ToString("0.##", CultureInfo.InvariantCulture)))}, {settings.StepSeconds:0.#} s per step, then up to {settings.DrainSeconds:0.#} s for journeys under way");
        Line($"- Think times × {settings.ThinkScale:0.##}; call deadline {settings.DeadlineSeconds:0.#} s; {settings.Members} members from `{settings.MemberFile}`; inbox: {settings.Inbox}");
        Line($"- User agent of every call (the run's mark in the audit trail): `{settings.UserAgent}`");
        foreach (var note in settings.Notes)
        {
            Line($"- {note}");
        }

        text.AppendLine().AppendLine("| scenario | share | journey |").AppendLine("|---|---:|---|");
        foreach (var share in settings.Mix)
        {
            Line($"| {share.Scenario} | {share.Share:P0} | {share.Description} |");
        }

        text.AppendLine().AppendLine("## Machine").AppendLine();
        Line($"{results.Machine.Processors} logical processors ({results.Machine.Cpu}), {results.Machine.Os}, {results.Machine.Runtime}. The tool shares the machine with the server when both run here.");

        text.AppendLine().AppendLine("## Per step").AppendLine();
        text.AppendLine("Latency runs from the time each call was due (arrival, or end of the member's pause), in ms; calls count in the phase they ended in, journeys in the step they arrived in.").AppendLine();
        text.AppendLine("| phase | offered/s | arrived/s | calls/s | p50 | p90 | p99 | max | calls | failed journeys | gRPC errors |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var phase in results.Phases)
        {
            Line($"| {phase.Name} | {phase.OfferedRate:0.##} | {phase.ArrivalRate:0.##} | {phase.CallRate:0.#} | {phase.Calls.P50:0.0} | {phase.Calls.P90:0.0} | {phase.Calls.P99:0.0} | {phase.Calls.Max:0.0} | {phase.Calls.Count} | {phase.Failures} | {phase.Errors.Values.Sum()} |");
        }

        text.AppendLine();

        foreach (var phase in results.Phases.Where(phase => phase.Calls.Count > 0 || phase.Outcomes.Count > 0))
        {
            Line($"### {phase.Name}");
            text.AppendLine();
            text.AppendLine().AppendLine("| method | calls | p50 | p90 | p99 | max |").AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var (method, latency) in phase.ByMethod)
            {
                Line($"| {method} | {latency.Count} | {latency.P50:0.0} | {latency.P90:0.0} | {latency.P99:0.0} | {latency.Max:0.0} |");
            }

            text.AppendLine().AppendLine("| scenario | outcome | journeys | time in calls p50 | p99 |").AppendLine("|---|---|---:|---:|---:|");
            foreach (var outcome in phase.Outcomes)
            {
                Line($"| {outcome.Scenario} | {outcome.Outcome} | {outcome.Busy.Count} | {outcome.Busy.P50:0.0} | {outcome.Busy.P99:0.0} |");
            }

            if (phase.Errors.Count > 0)
            {
                text.AppendLine().AppendLine("| gRPC error | count |").AppendLine("|---|---:|");
                foreach (var (error, count) in phase.Errors)
                {
                    Line($"| {error} | {count} |");
                }
            }

            text.AppendLine();
        }

        text.AppendLine("## Charts").AppendLine();
        Line($"![Call latency over time: p50, p99 and max per second]({LatencyChart})");
        text.AppendLine();
        Line($"![Throughput over time: arrivals, calls and gRPC errors per second]({ThroughputChart})");
        text.AppendLine().AppendLine("## Correctness").AppendLine();
        text.AppendLine("Every account hammered with wrong PINs: the failures in its audit trail (this run's user agent) against the wrong PINs answered, and the refusals against the right PINs answered LOCKED_OUT. The accounts were unlocked afterwards.").AppendLine();
        if (results.Checks.Count == 0)
        {
            text.AppendLine("No account was hammered (no `wrong-pins-lockout` journey in this run).");
        }
        else
        {
            var counts = results.Checks.GroupBy(check => check.Verdict).OrderBy(group => group.Key).Select(group => $"{group.Count()} {group.Key}");
            Line($"{string.Join(", ", counts)}.");
            var notMatching = results.Checks.Where(check => check.Verdict != CheckVerdict.Match).ToList();
            if (notMatching.Count > 0)
            {
                text.AppendLine().AppendLine("| tenant | identifier | verdict | wrong PINs answered | failures audited | refusals answered | refusals audited | problem |").AppendLine("|---|---|---|---:|---:|---:|---:|---|");
                foreach (var check in notMatching)
                {
                    Line($"| {check.Tenant} | {check.Identifier} | {check.Verdict} | {check.WrongAnswered} | {check.FailuresAudited} | {check.RefusedAnswered} | {check.RefusalsAudited} | {check.Problem} |");
                }
            }
        }

        return text.ToString();
    }

    private static void WriteCharts(RunResults results, string directory)
    {
        var seconds = results.Timeline.Select(point => point.Second).ToArray();
        var boundaries = Enumerable.Range(1, results.Settings.Rates.Count).Select(step => step * results.Settings.StepSeconds).ToList();

        var latency = new Plot();
        AddLine(latency, seconds, [.. results.Timeline.Select(point => point.P50)], "p50");
        AddLine(latency, seconds, [.. results.Timeline.Select(point => point.P99)], "p99");
        AddLine(latency, seconds, [.. results.Timeline.Select(point => point.Max)], "max");
        Finish(latency, "Call latency per second (from the due time)", "ms", boundaries);
        latency.SavePng(Path.Combine(directory, LatencyChart), 1000, 500);

        var throughput = new Plot();
        AddLine(throughput, seconds, [.. results.Timeline.Select(point => (double)point.Calls)], "calls/s");
        AddLine(throughput, seconds, [.. results.Timeline.Select(point => (double)point.Arrivals)], "members arrived/s");
        AddLine(throughput, seconds, [.. results.Timeline.Select(point => (double)point.Errors)], "gRPC errors/s");
        Finish(throughput, "Throughput per second", "per second", boundaries);
        throughput.SavePng(Path.Combine(directory, ThroughputChart), 1000, 500);
    }

    private static void AddLine(Plot plot, double[] xs, double[] ys, string label)
    {
        if (xs.Length == 0)
        {
            return;
        }

        var line = plot.Add.ScatterLine(xs, ys);
        line.LegendText = label;
    }

    private static void Finish(Plot plot, string title, string unit, IEnumerable<double> stepEnds)
    {
        foreach (var end in stepEnds)
        {
            var boundary = plot.Add.VerticalLine(end);
            boundary.LinePattern = LinePattern.Dotted;
            boundary.Color = Colors.Gray;
        }

        plot.Title(title);
        plot.XLabel("seconds from the start (dotted: ends of steps)");
        plot.YLabel(unit);
        plot.ShowLegend();
    }
}
