using Microsoft.AspNetCore.Http;
using Sesame.Frontend.Grpc;

namespace Sesame.Frontend.Tests.Grpc;

public sealed class BoundedStatusMessagesTests
{
    private const string LimitMessage = "The request message is over the largest accepted, 65536 bytes (after inflating, if compressed).";

    [Fact]
    public void Bound_FrameworkReceiveLimitMessage_NamesTheLimit()
    {
        var headers = Headers("8", "Received message exceeds the maximum configured message size.");

        BoundedStatusMessages.Bound(headers, LimitMessage);

        Assert.Equal(LimitMessage, headers["grpc-message"]);
    }

    [Fact]
    public void Bound_LongMessage_CutAtTheLimit()
    {
        var headers = Headers("5", new string('x', 40_000));

        BoundedStatusMessages.Bound(headers, LimitMessage);

        Assert.Equal(new string('x', BoundedStatusMessages.MaxLength) + "...", headers["grpc-message"]);
    }

    [Fact]
    public void Bound_LongMessageWithAnEscapeAcrossTheLimit_CutBeforeTheEscape()
    {
        var headers = Headers("5", new string('x', BoundedStatusMessages.MaxLength - 1) + "%C3%A9tage");

        BoundedStatusMessages.Bound(headers, LimitMessage);

        Assert.Equal(new string('x', BoundedStatusMessages.MaxLength - 1) + "...", headers["grpc-message"]);
    }

    [Fact]
    public void Bound_ShortMessage_Unchanged()
    {
        var headers = Headers("3", "Invalid request: identifier: is required");

        BoundedStatusMessages.Bound(headers, LimitMessage);

        Assert.Equal("Invalid request: identifier: is required", headers["grpc-message"]);
    }

    private static HeaderDictionary Headers(string status, string message) => new() { ["grpc-status"] = status, ["grpc-message"] = message };
}
