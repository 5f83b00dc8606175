using Sesame.Grpc.Server;

namespace Sesame.Grpc.Tests.Server;

public sealed class GrpcMessageTextTests
{
    [Theory]
    [InlineData("Tenant 'x' is not configured.", "Tenant 'x' is not configured.")]
    [InlineData("100%", "100%25")]
    [InlineData("données", "donn%C3%A9es")]
    [InlineData("line\nbreak", "line%0Abreak")]
    public void Encode_Text_PercentEncodesOutsidePrintableAscii(string text, string expected) =>
        Assert.Equal(expected, GrpcMessageText.Encode(text));
}
