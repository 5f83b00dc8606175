using Grpc.Core;
using Sesame.LoadTest.Measuring;

namespace Sesame.LoadTest.Tests.Measuring;

public sealed class RunRecorderTests
{
    [Fact]
    public void Figures_CallsInTheirPhase_PercentilesByMethodAndErrors()
    {
        var recorder = new RunRecorder(steps: 2);
        for (var millisecond = 1; millisecond <= 100; millisecond++)
        {
            recorder.RecordCall("Login", TimeSpan.FromMilliseconds(millisecond), null);
        }

        recorder.CurrentPhase = 1;
        recorder.RecordCall("ValidateSession", TimeSpan.FromMilliseconds(3), null);
        recorder.RecordCall("Login", TimeSpan.FromMilliseconds(900), StatusCode.DeadlineExceeded);

        var first = recorder.Figures(0);
        var second = recorder.Figures(1);

        Assert.Equal(100, first.Calls.Count);
        Assert.Equal(50, first.Calls.P50, 1);
        Assert.Equal(99, first.Calls.P99, 1);
        Assert.Equal(100, first.Calls.Max, 1);
        Assert.Empty(first.Errors);
        Assert.Equal(["Login", "ValidateSession"], second.ByMethod.Keys);
        Assert.Equal(900, second.ByMethod["Login"].Max, tolerance: 1);
        Assert.Equal(new Dictionary<string, long> { ["Login DeadlineExceeded"] = 1 }, second.Errors);
    }

    [Fact]
    public void Figures_Journeys_CountInTheirArrivalStepByScenarioAndOutcome()
    {
        var recorder = new RunRecorder(steps: 1);
        recorder.RecordArrival(0);
        recorder.RecordArrival(0);
        recorder.CurrentPhase = 1;
        recorder.RecordJourney(0, "pin-signin", "ok", TimeSpan.FromMilliseconds(40));
        recorder.RecordJourney(0, "pin-signin", "unexpected: Login InvalidCredentials", TimeSpan.FromMilliseconds(60));

        var step = recorder.Figures(0);

        Assert.Equal(2, step.Arrivals);
        Assert.Equal([("pin-signin", "ok", 1L), ("pin-signin", "unexpected: Login InvalidCredentials", 1L)], step.Outcomes.Select(outcome => (outcome.Scenario, outcome.Outcome, outcome.Busy.Count)));
        Assert.Empty(recorder.Figures(1).Outcomes);
    }

    [Fact]
    public void Tick_EachSecond_StartsAFreshHistogram()
    {
        var recorder = new RunRecorder(steps: 1);
        recorder.RecordArrival(0);
        recorder.RecordCall("Login", TimeSpan.FromMilliseconds(10), null);
        recorder.RecordCall("Login", TimeSpan.FromMilliseconds(30), StatusCode.Unavailable);

        var first = recorder.Tick(TimeSpan.FromSeconds(1));
        recorder.RecordCall("Login", TimeSpan.FromMilliseconds(5), null);
        var second = recorder.Tick(TimeSpan.FromSeconds(2));

        Assert.Equal((2L, 1L, 1L), (first.Calls, first.Errors, first.Arrivals));
        Assert.Equal(30, first.Max, 1);
        Assert.Equal((1L, 0L, 0L), (second.Calls, second.Errors, second.Arrivals));
        Assert.Equal(5, second.P99, 1);
        Assert.Equal([first, second], recorder.Timeline);
    }
}
