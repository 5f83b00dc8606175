using Sesame.LoadTest.Load;

namespace Sesame.LoadTest.Tests.Load;

public sealed class LoadPlanTests
{
    [Fact]
    public void Arrivals_ConstantRatePerStep_EvenlySpacedFromEachStepsStart()
    {
        var plan = new LoadPlan([2, 4], TimeSpan.FromSeconds(1));

        var arrivals = plan.Arrivals().ToList();

        Assert.Equal(
            [new(0, TimeSpan.Zero), new(0, TimeSpan.FromSeconds(0.5)), new(1, TimeSpan.FromSeconds(1)), new(1, TimeSpan.FromSeconds(1.25)), new(1, TimeSpan.FromSeconds(1.5)), new(1, TimeSpan.FromSeconds(1.75))],
            arrivals);
        Assert.Equal(TimeSpan.FromSeconds(2), plan.Duration);
    }

    [Fact]
    public void Arrivals_StepAtZero_LeavesItsTimeEmpty()
    {
        var plan = new LoadPlan([0, 1], TimeSpan.FromSeconds(3));

        var arrivals = plan.Arrivals().ToList();

        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5)], arrivals.Select(arrival => arrival.At));
        Assert.All(arrivals, arrival => Assert.Equal(1, arrival.Step));
    }

    [Fact]
    public void Arrivals_FractionalRate_CountsRateTimesDuration()
    {
        var plan = new LoadPlan([0.5, 7.5], TimeSpan.FromSeconds(10));

        var perStep = plan.Arrivals().GroupBy(arrival => arrival.Step).Select(step => step.Count()).ToList();

        Assert.Equal([5, 75], perStep);
    }
}
