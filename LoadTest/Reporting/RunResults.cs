using Sesame.LoadTest.Correctness;
using Sesame.LoadTest.Measuring;

namespace Sesame.LoadTest.Reporting;

/// <summary>Everything a run measured and checked: written as <c>results.json</c> and rendered as <c>report.md</c>.</summary>
internal sealed record RunResults(
    RunSettings Settings,
    MachineDescription Machine,
    DateTimeOffset StartedAt,
    double Seconds,
    IReadOnlyList<PhaseResult> Phases,
    IReadOnlyList<TimelinePoint> Timeline,
    IReadOnlyList<AccountCheck> Checks)
{
    /// <summary>Whether every hammered account's audit trail matched what its journey was answered.</summary>
    public bool Passed => Checks.All(check => check.Verdict != CheckVerdict.Mismatch);
}

/// <summary>How the run was asked for.</summary>
internal sealed record RunSettings(
    IReadOnlyList<string> Addresses,
    IReadOnlyList<MixShare> Mix,
    IReadOnlyList<double> Rates,
    double StepSeconds,
    double DrainSeconds,
    double ThinkScale,
    double DeadlineSeconds,
    string MemberFile,
    int Members,
    string UserAgent,
    string Inbox,
    IReadOnlyList<string> Notes);

internal sealed record MixShare(string Scenario, double Share, string Description);

/// <summary>The machine the tool ran on.</summary>
internal sealed record MachineDescription(string Os, string Runtime, int Processors, string Cpu)
{
    public static MachineDescription Current()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return new MachineDescription(
            System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            Environment.ProcessorCount,
            cpu ?? System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString());
    }
}

/// <summary>
/// One phase (a step, or the drain): the rate offered, the members that arrived, the calls that ended in it per
/// second, their latency (all and by method), journeys by scenario and outcome, gRPC errors.
/// </summary>
internal sealed record PhaseResult(
    string Name,
    double OfferedRate,
    double Seconds,
    long Arrivals,
    double ArrivalRate,
    double CallRate,
    LatencySummary Calls,
    IReadOnlyDictionary<string, LatencySummary> ByMethod,
    IReadOnlyList<OutcomeFigures> Outcomes,
    IReadOnlyDictionary<string, long> Errors)
{
    public long Failures => Outcomes.Where(outcome => Scenarios.Outcomes.IsFailure(outcome.Outcome)).Sum(outcome => outcome.Busy.Count);

    public static PhaseResult From(string name, double offeredRate, TimeSpan duration, PhaseFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var seconds = Math.Max(duration.TotalSeconds, 1e-9);
        return new PhaseResult(name, offeredRate, duration.TotalSeconds, figures.Arrivals, figures.Arrivals / seconds, figures.Calls.Count / seconds, figures.Calls, figures.ByMethod, figures.Outcomes, figures.Errors);
    }
}
