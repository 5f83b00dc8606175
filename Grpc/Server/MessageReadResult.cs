using System.Buffers;

namespace Sesame.Grpc.Server;

/// <summary>The one message of a unary request, or the status that ends the call when the body is not one framed message.</summary>
internal readonly record struct MessageReadResult(ReadOnlySequence<byte> Message, StatusCode Status, string? Detail)
{
    public bool Succeeded => Status == StatusCode.OK;

    public static MessageReadResult Read(ReadOnlySequence<byte> message) => new(message, StatusCode.OK, null);

    public static MessageReadResult Fail(StatusCode status, string detail) => new(default, status, detail);
}
