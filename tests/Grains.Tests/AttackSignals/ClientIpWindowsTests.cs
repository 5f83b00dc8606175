using Sesame.Grains.AttackSignals;

namespace Sesame.Grains.Tests.AttackSignals;

public sealed class ClientIpWindowsTests
{
    [Fact]
    public void Add_MoreIpsThanCapacity_DropsTheIpRefusedLongestAgo()
    {
        var windows = new ClientIpWindows(length: 10, capacity: 2, maxAccounts: 100);
        windows.Add("198.51.100.1", 0, "a/1");
        windows.Add("198.51.100.2", 1, "a/2");
        windows.Add("198.51.100.1", 2, "a/3");

        windows.Add("198.51.100.3", 3, "a/4");
        var first = windows.Add("198.51.100.1", 4, "a/5");
        var second = windows.Add("198.51.100.2", 5, "a/6");

        Assert.Equal(2, windows.Count);
        Assert.Equal((3, 1), (first.Window.Accounts, second.Window.Accounts));
    }

    [Fact]
    public void Add_AnotherIpsWindowEmptied_DropsIt()
    {
        var windows = new ClientIpWindows(length: 10, capacity: 100, maxAccounts: 100);
        windows.Add("198.51.100.1", 0, "a/1");

        windows.Add("198.51.100.2", 10, "a/2");

        Assert.Equal(1, windows.Count);
    }
}
