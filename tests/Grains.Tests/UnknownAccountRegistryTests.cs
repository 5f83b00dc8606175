
namespace Sesame.Grains.Tests;

public sealed class UnknownAccountRegistryTests
{
    [Fact]
    public void For_SameKey_SameCounters()
    {
        var registry = new UnknownAccountRegistry(GrainsTestHost.NewClock());

        registry.For("acs/X").PasswordAttempts.Failed = 2;

        Assert.Equal(2, registry.For("acs/X").PasswordAttempts.Failed);
    }

    [Fact]
    public void For_AtCapacity_DropsIdleCountersAndKeepsRunningLockouts()
    {
        var clock = GrainsTestHost.NewClock();
        var registry = new UnknownAccountRegistry(clock);
        registry.For("acs/locked").PasswordAttempts.LockedUntil = clock.GetUtcNow().AddMinutes(5);
        registry.For("acs/recovery").RecoveryRequired = true;
        for (var i = registry.Count; i < UnknownAccountRegistry.Capacity; i++)
        {
            registry.For($"acs/idle-{i}");
        }

        registry.For("acs/newcomer");

        Assert.True(registry.Count < UnknownAccountRegistry.Capacity);
        Assert.NotNull(registry.For("acs/locked").PasswordAttempts.LockedUntil);
        Assert.True(registry.For("acs/recovery").RecoveryRequired);
    }
}
