using Sesame.Silo.Configuration;

namespace Sesame.Silo.Tests.Configuration;

public sealed class TelemetryOptionsTests
{
    [Fact]
    public void Defaults_NothingConfigured_NothingExportedEveryCallSampled()
    {
        var options = new TelemetryOptions();

        Assert.Equal(((string?)null, false, 1.0, false), (options.OtlpEndpoint, options.Console, options.TraceSampleRatio, options.IsExporting));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("http://localhost:4317", true)]
    [InlineData("https://otel.example:4318", true)]
    [InlineData("localhost:4317", false)]
    [InlineData("ftp://otel.example", false)]
    public void HasValidEndpoint_Endpoint_OnlyAbsoluteHttpOrHttps(string? endpoint, bool expected)
    {
        var options = new TelemetryOptions { OtlpEndpoint = endpoint };

        Assert.Equal(expected, options.HasValidEndpoint);
    }
}
