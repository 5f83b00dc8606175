using System.Text;

namespace Sesame.Grpc.Server;

/// <summary>The percent-encoding of <c>grpc-message</c>: UTF-8, with bytes outside printable ASCII and '%' written as %XX.</summary>
internal static class GrpcMessageText
{
    public static string Encode(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.All(IsUnreserved))
        {
            return text;
        }

        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var value in bytes)
        {
            if (IsUnreserved(value))
            {
                builder.Append((char)value);
            }
            else
            {
                builder.Append('%').Append(Convert.ToHexString([value]));
            }
        }

        return builder.ToString();
    }

    private static bool IsUnreserved(byte value) => value is >= 0x20 and <= 0x7E and not (byte)'%';
}
