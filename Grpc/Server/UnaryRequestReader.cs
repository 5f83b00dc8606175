using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;

namespace Sesame.Grpc.Server;

/// <summary>
/// Reads the body of a unary call: exactly one length-prefixed message (1 byte compressed flag, 4 bytes big-endian
/// length, the message), in as many DATA frames as the client used, then the end of the stream.
/// </summary>
internal static class UnaryRequestReader
{
    private const int HeaderSize = 5;

    public static async Task<MessageReadResult> ReadAsync(PipeReader reader, int maxMessageSize, bool compressionAllowed, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            var outcome = TryFrame(buffer, read.IsCompleted, maxMessageSize, compressionAllowed);
            if (outcome is { } result)
            {
                if (result.Succeeded)
                {
                    // The message is copied so the pipe can be released before the service runs.
                    var copy = new ReadOnlySequence<byte>(result.Message.ToArray());
                    reader.AdvanceTo(buffer.End);
                    return MessageReadResult.Read(copy, result.Compressed);
                }

                reader.AdvanceTo(buffer.End);
                return result;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Null while more bytes are needed; otherwise the message (still compressed if its flag says so) or the failure.</summary>
    internal static MessageReadResult? TryFrame(ReadOnlySequence<byte> buffer, bool isCompleted, int maxMessageSize, bool compressionAllowed)
    {
        if (buffer.Length < HeaderSize)
        {
            if (!isCompleted)
            {
                return null;
            }

            return buffer.Length == 0
                ? MessageReadResult.Fail(StatusCode.Internal, "The request has no message.")
                : MessageReadResult.Fail(StatusCode.Internal, "The request ended inside a message header.");
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        var compressed = header[0];
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (compressed > 1)
        {
            return MessageReadResult.Fail(StatusCode.Internal, "The message's compressed flag is neither 0 nor 1.");
        }

        if (compressed == 1 && !compressionAllowed)
        {
            return MessageReadResult.Fail(StatusCode.Internal, "The message is marked compressed, but the request's encoding is identity.");
        }

        if (length > (uint)maxMessageSize)
        {
            return MessageReadResult.Fail(
                StatusCode.ResourceExhausted,
                $"The request message is {length} bytes; the largest accepted is {maxMessageSize} bytes.");
        }

        var frameLength = HeaderSize + (long)length;
        if (buffer.Length < frameLength)
        {
            return isCompleted ? MessageReadResult.Fail(StatusCode.Internal, "The request ended inside its message.") : null;
        }

        if (buffer.Length > frameLength)
        {
            return MessageReadResult.Fail(StatusCode.Internal, "The request has more than one message; this method takes one.");
        }

        return isCompleted ? MessageReadResult.Read(buffer.Slice(HeaderSize, length), compressed == 1) : null;
    }
}
