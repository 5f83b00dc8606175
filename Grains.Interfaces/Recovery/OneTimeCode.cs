using System.Security.Cryptography;

namespace Sesame.Grains.Interfaces.Recovery;

/// <summary>One-time codes from the system's CSPRNG: digits to type from an e-mail or SMS, letters and digits on paper.</summary>
public static class OneTimeCode
{
    /// <summary>No 0/O, 1/I/L: a code printed on a letter is read by eye.</summary>
    public const string LetterAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private const string Digits = "0123456789";

    public static string New(CodeChannel channel, int length) => RandomNumberGenerator.GetString(Alphabet(channel), length);

    /// <summary>Letters and digits without look-alikes, whatever the channel: provisional codes, copied by hand.</summary>
    public static string NewReadable(int length) => RandomNumberGenerator.GetString(LetterAlphabet, length);

    /// <summary>The form a code is compared in: letter codes are read case-insensitively.</summary>
    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    private static string Alphabet(CodeChannel channel) => channel == CodeChannel.Letter ? LetterAlphabet : Digits;
}
