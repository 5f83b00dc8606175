using Sesame.Frontend.Grpc;

namespace Sesame.Frontend.Tests.Grpc;

public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData("1H", 36_000_000_000)]
    [InlineData("2M", 1_200_000_000)]
    [InlineData("5S", 50_000_000)]
    [InlineData("250m", 2_500_000)]
    [InlineData("7u", 70)]
    [InlineData("900n", 9)]
    [InlineData("99999999S", 999_999_990_000_000)]
    public void TryParse_ValidValue_Ticks(string value, long ticks)
    {
        Assert.True(GrpcTimeout.TryParse(value, out var timeout));
        Assert.Equal(ticks, timeout.Ticks);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("10s")]
    [InlineData("-5S")]
    [InlineData("+5S")]
    [InlineData("123456789S")]
    [InlineData("1.5S")]
    public void TryParse_MalformedValue_False(string? value) => Assert.False(GrpcTimeout.TryParse(value, out _));
}
