using Sesame.Grains.Interfaces.Tenants;

namespace Sesame.Grains.Notifications;

/// <summary>
/// The length of an SMS as the network counts it (GSM 03.38): in the GSM-7 alphabet each character of the basic set
/// counts 1 and each of the extension table 2 (an escape, then the character); a text with any other character travels
/// as UCS-2, where a message holds 70 characters instead of 160.
/// </summary>
internal static class SmsText
{
    private const string Basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Extension = "\f^{}\\[~]|€";
    private const int UcsSmsLength = 70;

    /// <summary>Whether every character of <paramref name="text"/> is in GSM-7 (basic set or extension table).</summary>
    public static bool IsGsm7(string text) => text.All(c => Basic.Contains(c, StringComparison.Ordinal) || Extension.Contains(c, StringComparison.Ordinal));

    /// <summary>The length of <paramref name="text"/>: GSM-7 characters (extension ones count 2), or UTF-16 code units in UCS-2.</summary>
    public static int Length(string text) => IsGsm7(text) ? text.Length + text.Count(c => Extension.Contains(c, StringComparison.Ordinal)) : text.Length;

    /// <summary>The longest <paramref name="text"/> may be under a limit of <paramref name="maxLength"/> GSM-7 characters.</summary>
    public static int LimitFor(string text, int maxLength) => IsGsm7(text) ? maxLength : maxLength * UcsSmsLength / SmsPolicy.SingleSmsLength;
}
