using Sesame.Grains.AttackSignals;

namespace Sesame.Grains.Tests.AttackSignals;

public sealed class AttackSignalOptionsTests
{
    [Fact]
    public void Defaults_AttackSignals_ArePinned()
    {
        var options = new AttackSignalOptions();

        Assert.Equal((TimeSpan.FromMinutes(10), 300, 20, 10_000), (options.Window, options.FailedAccountsThreshold, options.ClientIpAccountsThreshold, options.MaxTrackedClientIps));
        Assert.True(new AttackSignalOptionsValidator().Validate(name: null, options).Succeeded);
    }

    [Theory]
    [InlineData("00:00:30", 300, 20, 10_000, "Sesame:AttackSignals:Window must be a whole number of minutes from 00:01:00 to 01:00:00.")]
    [InlineData("00:10:30", 300, 20, 10_000, "Sesame:AttackSignals:Window must be a whole number of minutes from 00:01:00 to 01:00:00.")]
    [InlineData("01:01:00", 300, 20, 10_000, "Sesame:AttackSignals:Window must be a whole number of minutes from 00:01:00 to 01:00:00.")]
    [InlineData("00:10:00", 1, 20, 10_000, "Sesame:AttackSignals:FailedAccountsThreshold must be from 2 to 1000000.")]
    [InlineData("00:10:00", 300, 100_001, 10_000, "Sesame:AttackSignals:ClientIpAccountsThreshold must be from 2 to 100000.")]
    [InlineData("00:10:00", 300, 20, 99, "Sesame:AttackSignals:MaxTrackedClientIps must be from 100 to 1000000.")]
    public void Validate_OutOfRange_NamesTheSetting(string window, int failedAccounts, int clientIpAccounts, int maxTrackedClientIps, string expected)
    {
        var options = new AttackSignalOptions
        {
            Window = TimeSpan.Parse(window, System.Globalization.CultureInfo.InvariantCulture),
            FailedAccountsThreshold = failedAccounts,
            ClientIpAccountsThreshold = clientIpAccounts,
            MaxTrackedClientIps = maxTrackedClientIps,
        };

        var result = new AttackSignalOptionsValidator().Validate(name: null, options);

        Assert.Equal([expected], result.Failures);
    }
}
