using System.Collections.Concurrent;
using Sesame.LoadTest.Measuring;
using Sesame.LoadTest.Scenarios;

namespace Sesame.LoadTest.Load;

/// <summary>
/// Plays a run open-loop: members arrive at the plan's rates whatever the server's pace, each plays a scenario drawn
/// from the mix as its own task. After the last step, journeys still under way get <see cref="Drain"/> to end, and
/// are then cut; stopped early (Ctrl+C), arrivals end and journeys are cut at once. Every second the timeline gets a point and <see cref="Tick"/> is told.
/// </summary>
internal sealed class LoadRunner(JourneyContext context, Mix mix, LoadPlan plan)
{
    /// <summary>The outcome of a journey cut at the end of the drain.</summary>
    public const string Cut = "cut: still under way at the end of the drain";

    private readonly ConcurrentDictionary<long, Task> underWay = new();

    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the run was stopped (Ctrl+C) before its plan ended: what was measured until then stands.</summary>
    public bool StoppedEarly { get; private set; }

    /// <summary>Told each second: the second's point, the phase, the journeys under way.</summary>
    public Action<TimelinePoint, int, int>? Tick { get; init; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var time = context.Time;
        var recorder = context.RunRecorder;
        var start = time.GetTimestamp();
        using var journeys = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var ticking = new CancellationTokenSource();
        var ticker = TickAsync(start, ticking.Token);
        var phases = Task.Run(async () =>
        {
            for (var step = 1; step <= plan.Rates.Count; step++)
            {
                await DelayUntilAsync(start, plan.StepDuration * step, cancellationToken);
                recorder.CurrentPhase = step;
            }
        }, cancellationToken);

        try
        {
            long next = 0;
            foreach (var arrival in plan.Arrivals())
            {
                await DelayUntilAsync(start, arrival.At, cancellationToken);
                recorder.RecordArrival(arrival.Step);
                var scenario = mix.Pick(Random.Shared.NextDouble());
                var id = next++;
                var due = start + (long)(arrival.At.TotalSeconds * time.TimestampFrequency);
                var journey = PlayAsync(scenario, arrival.Step, due, journeys.Token);
                underWay[id] = journey;
                _ = journey.ContinueWith(_ => underWay.TryRemove(id, out var _), TaskScheduler.Default);
            }

            await phases;
            var all = Task.WhenAll(underWay.Values);
            await Task.WhenAny(all, Task.Delay(Drain, time, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            StoppedEarly = true;
        }

        await journeys.CancelAsync();
        await Task.WhenAll(underWay.Values);
        await ticking.CancelAsync();
        await ticker;
        recorder.Tick(time.GetElapsedTime(start));
    }

    private async Task PlayAsync(IScenario scenario, int step, long due, CancellationToken cancellationToken)
    {
        var journey = new Journey(context, due, cancellationToken);
        string outcome;
        try
        {
            outcome = await scenario.PlayAsync(journey);
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is OperationCanceledException or JourneyCallException)
        {
            outcome = Cut;
        }
        catch (JourneyCallException exception)
        {
            outcome = Outcomes.Error(exception.Method, exception.StatusCode);
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or IOException)
        {
            outcome = Outcomes.Unexpected($"the tool failed: {exception.Message}");
        }

        context.RunRecorder.RecordJourney(step, scenario.Name, outcome, journey.Busy);
    }

    private async Task TickAsync(long start, CancellationToken cancellationToken)
    {
        var time = context.Time;
        for (var second = 1; ; second++)
        {
            try
            {
                await DelayUntilAsync(start, TimeSpan.FromSeconds(second), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var point = context.RunRecorder.Tick(time.GetElapsedTime(start));
            Tick?.Invoke(point, context.RunRecorder.CurrentPhase, underWay.Count);
        }
    }

    private async Task DelayUntilAsync(long start, TimeSpan at, CancellationToken cancellationToken)
    {
        var wait = at - context.Time.GetElapsedTime(start);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, context.Time, cancellationToken);
        }
    }
}
