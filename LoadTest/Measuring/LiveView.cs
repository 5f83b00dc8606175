using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Sesame.LoadTest.Measuring;

/// <summary>
/// The run as it goes, once a second: the phase and its offered rate, arrivals and calls in the last second, their
/// p50/p99, journeys under way, outcomes and gRPC errors so far. Live on a terminal; a line every five seconds when
/// the output is redirected.
/// </summary>
internal sealed class LiveView(IAnsiConsole console, RunRecorder recorder, IReadOnlyList<double> rates)
{
    private LiveDisplayContext? live;

    /// <summary>Runs <paramref name="work"/> with the view on screen.</summary>
    public async Task ShowWhileAsync(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!console.Profile.Capabilities.Interactive)
        {
            await work();
            return;
        }

        await console.Live(new Text("starting…")).AutoClear(false).StartAsync(async context =>
        {
            live = context;
            await work();
        });
    }

    public void Update(TimelinePoint point, int phase, int underWay)
    {
        ArgumentNullException.ThrowIfNull(point);
        var step = phase < rates.Count ? $"step {phase + 1}/{rates.Count}, {rates[phase].ToString("0.##", CultureInfo.InvariantCulture)} members/s offered" : "drain";
        var headline = string.Create(CultureInfo.InvariantCulture, $"{point.Second:0}s  {step}  arrivals {point.Arrivals}/s  calls {point.Calls}/s  p50 {point.P50:0.0} ms  p99 {point.P99:0.0} ms  errors {point.Errors}/s  under way {underWay}");
        if (live is null)
        {
            if ((int)Math.Round(point.Second) % 5 == 0)
            {
                console.WriteLine(headline);
            }

            return;
        }

        live.UpdateTarget(Render(headline));
        live.Refresh();
    }

    private IRenderable Render(string headline)
    {
        var outcomes = new Table().Title("journeys so far").AddColumns("scenario", "outcome", "count");
        var errors = new Table().Title("gRPC errors so far").AddColumns("method and status", "count");
        var figures = Enumerable.Range(0, rates.Count + 1).Select(recorder.Figures).ToList();
        foreach (var group in figures.SelectMany(phase => phase.Outcomes).GroupBy(outcome => (outcome.Scenario, outcome.Outcome)).OrderBy(group => group.Key.Scenario, StringComparer.Ordinal))
        {
            var failure = Scenarios.Outcomes.IsFailure(group.Key.Outcome);
            outcomes.AddRow(Markup.Escape(group.Key.Scenario), failure ? $"[red]{Markup.Escape(group.Key.Outcome)}[/]" : Markup.Escape(group.Key.Outcome), group.Sum(outcome => outcome.Busy.Count).ToString(CultureInfo.InvariantCulture));
        }

        foreach (var group in figures.SelectMany(phase => phase.Errors).GroupBy(error => error.Key, StringComparer.Ordinal))
        {
            errors.AddRow(Markup.Escape(group.Key), group.Sum(error => error.Value).ToString(CultureInfo.InvariantCulture));
        }

        return new Rows(new Markup($"[bold]{Markup.Escape(headline)}[/]"), outcomes, errors);
    }
}
