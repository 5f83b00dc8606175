using Sesame.Grains.Interfaces.Tenants;

namespace Sesame.Grains.Tests.Tenants;

public sealed class LockoutPolicyTests
{
    [Fact]
    public void Defaults_ArePinned()
    {
        var policy = new LockoutPolicy();

        Assert.Equal(3, policy.MaxFailedAttempts);
        Assert.Equal(TimeSpan.FromMinutes(1), policy.Duration);
        Assert.Equal(2, policy.DurationMultiplier);
        Assert.Equal(TimeSpan.FromDays(1), policy.MaxDuration);
        Assert.Equal(10, policy.LockoutsBeforeRecovery);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(8, 128)]
    [InlineData(11, 1024)]
    [InlineData(12, 1440)]
    [InlineData(40, 1440)]
    public void DurationOf_LockoutsInARow_DoubleUpToADay(int lockout, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), new LockoutPolicy().DurationOf(lockout));
}
