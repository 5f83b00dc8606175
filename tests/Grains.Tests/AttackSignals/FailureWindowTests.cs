using Sesame.Grains.AttackSignals;

namespace Sesame.Grains.Tests.AttackSignals;

public sealed class FailureWindowTests
{
    [Fact]
    public void Add_MoreAccountsThanRemembered_FailuresCountedAccountsStayAtTheCeiling()
    {
        // Arrange
        var window = new FailureWindow(length: 10, maxAccounts: 3);

        // Act
        foreach (var account in Enumerable.Range(0, 1_000))
        {
            window.Add(0, $"a/{account}");
        }

        // Assert
        Assert.Equal((1_000, 3), (window.Failures, window.Accounts));
    }

    [Fact]
    public void Add_RememberedAccountsLeftTheWindow_NewAccountsRememberedAgain()
    {
        // Arrange
        var window = new FailureWindow(length: 10, maxAccounts: 3);
        foreach (var account in Enumerable.Range(0, 5))
        {
            window.Add(0, $"a/{account}");
        }

        // Act
        window.Add(10, "b/1");
        window.Add(10, "b/2");

        // Assert
        Assert.Equal((2, 2), (window.Failures, window.Accounts));
    }
}
