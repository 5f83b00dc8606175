using System.Buffers;
using System.IO.Compression;

namespace Sesame.Grpc.Server;

/// <summary>
/// Inflates messages sent with <c>grpc-encoding: gzip</c> (RFC 1952) or <c>deflate</c> (zlib, RFC 1950). The receive
/// limit applies to the inflated size, so a small message that inflates to gigabytes is refused early.
/// </summary>
internal static class MessageDecompressor
{
    public const string AcceptedEncodings = "identity,gzip,deflate";

    public static bool IsSupported(string encoding) => encoding is "gzip" or "deflate";

    public static MessageReadResult Decompress(string encoding, ReadOnlySequence<byte> compressed, int maxMessageSize)
    {
        using var input = new MemoryStream(compressed.ToArray());
        using Stream inflater = encoding == "gzip" ? new GZipStream(input, CompressionMode.Decompress) : new ZLibStream(input, CompressionMode.Decompress);
        var output = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = inflater.Read(buffer)) > 0)
            {
                if (output.Length + read > maxMessageSize)
                {
                    return MessageReadResult.Fail(StatusCode.ResourceExhausted, $"The request message inflates past the largest accepted size, {maxMessageSize} bytes.");
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            return MessageReadResult.Fail(StatusCode.Internal, $"The request message is not valid {encoding} data.");
        }

        return MessageReadResult.Read(new ReadOnlySequence<byte>(output.GetBuffer(), 0, (int)output.Length), compressed: false);
    }
}
