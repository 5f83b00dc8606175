using Sesame.LoadTest.Load;

namespace Sesame.LoadTest.Tests.Load;

public sealed class MixTests
{
    [Fact]
    public void Parse_WeightsAndComments_PicksByCumulativeWeight()
    {
        var mix = Mix.Parse("# two scenarios\npin-signin 3   # mostly\n\nforgot-pin 1\n");

        Assert.Equal(["pin-signin", "forgot-pin"], mix.Entries.Select(entry => entry.Scenario.Name));
        Assert.Equal("pin-signin", mix.Pick(0).Name);
        Assert.Equal("pin-signin", mix.Pick(0.74).Name);
        Assert.Equal("forgot-pin", mix.Pick(0.75).Name);
        Assert.Equal("forgot-pin", mix.Pick(0.999).Name);
    }

    [Theory]
    [InlineData("no-such-scenario 1", "unknown scenario 'no-such-scenario'")]
    [InlineData("pin-signin", "expected 'scenario weight'")]
    [InlineData("pin-signin -1", "must be a number ≥ 0")]
    [InlineData("pin-signin 1\npin-signin 2", "listed twice")]
    [InlineData("# nothing", "at least one scenario")]
    [InlineData("pin-signin 0", "at least one scenario")]
    public void Parse_BadLine_NamesTheProblem(string text, string problem)
    {
        var exception = Assert.Throws<FormatException>(() => Mix.Parse(text));

        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_ScenariosNeedingAnInbox_KeepsTheOthersShares()
    {
        var mix = Mix.Parse(Mix.MondayMorning);

        var kept = mix.Without(scenario => scenario.NeedsInbox)!;

        Assert.DoesNotContain(kept.Entries, entry => entry.Scenario.Name is "forgot-pin" or "mes-access-code");
        Assert.Equal(1, kept.Shares().Sum(share => share.Share), 9);
        Assert.Equal(40.0 / 84, kept.Shares().Single(share => share.Name == "pin-signin").Share, 9);
    }

    [Fact]
    public void MondayMorning_MostlySignIns_AFewPercentFailures()
    {
        var shares = Mix.Parse(Mix.MondayMorning).Shares().ToDictionary(share => share.Name, share => share.Share);

        Assert.True(shares["pin-signin"] + shares["keypad-signin"] + shares["challenge-signin"] + shares["mes-access-code"] > 0.7);
        Assert.InRange(shares["typo-then-signin"] + shares["wrong-pins-lockout"], 0.05, 0.15);
    }
}
