using System.Buffers;

namespace Sesame.Grpc.Server;

/// <summary>The one message of a unary request, or the status that ends the call when the body is not one framed message.</summary>
internal readonly record struct MessageReadResult(ReadOnlySequence<byte> Message, bool Compressed, StatusCode Status, string? Detail)
{
    public bool Succeeded => Status == StatusCode.OK;

    public static MessageReadResult Read(ReadOnlySequence<byte> message, bool compressed) => new(message, compressed, StatusCode.OK, null);

    public static MessageReadResult Fail(StatusCode status, string detail) => new(default, false, status, detail);
}
