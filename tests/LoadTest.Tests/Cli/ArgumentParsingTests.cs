using Sesame.LoadTest.Cli;

namespace Sesame.LoadTest.Tests.Cli;

public sealed class ArgumentParsingTests
{
    [Fact]
    public void ParseRates_CommaSeparated_StepsInOrder()
    {
        Assert.Equal([5, 10, 20.5], LoadTestCommands.ParseRates("5, 10,20.5"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5,-1")]
    [InlineData("fast")]
    public void ParseRates_NoPositiveRateOrNotANumber_Refused(string text)
    {
        Assert.Throws<FormatException>(() => LoadTestCommands.ParseRates(text));
    }

    [Fact]
    public void ParseAddresses_RepeatedAndCommaSeparated_EveryServer()
    {
        var addresses = LoadTestCommands.ParseAddresses(["http://127.0.0.1:7070,http://127.0.0.1:7071", "https://sesame.internal"]);

        Assert.Equal(["http://127.0.0.1:7070/", "http://127.0.0.1:7071/", "https://sesame.internal/"], addresses.Select(address => address.ToString()));
    }

    [Fact]
    public void ParseAddresses_NotHttp_Refused()
    {
        var exception = Assert.Throws<FormatException>(() => LoadTestCommands.ParseAddresses(["127.0.0.1:7070"]));

        Assert.Contains("127.0.0.1:7070", exception.Message, StringComparison.Ordinal);
    }
}
