using System.ComponentModel.DataAnnotations;

namespace Sesame.Grains.Interfaces.Tenants;

/// <summary>Who the tenant's SMS come from, and how long they may be.</summary>
public sealed class SmsPolicy
{
    /// <summary>One SMS: 160 GSM-7 characters.</summary>
    public const int SingleSmsLength = 160;

    /// <summary>
    /// The sender members' phones show: an alphanumeric sender id (1 to 11 letters, digits or spaces, at least one
    /// letter) or a number in E.164 (<c>+</c> then 8 to 15 digits) registered on the SMS provider. Default: empty, no
    /// SMS by the provider (the dev outbox needs none).
    /// </summary>
    [MaxLength(16)]
    public string SenderId { get; set; } = string.Empty;

    /// <summary>
    /// The longest SMS, in GSM-7 characters (an extension character such as € counts 2); a text outside GSM-7 travels
    /// as UCS-2 and may then hold 70 characters for each 160. Default: 160, one SMS.
    /// </summary>
    [Range(70, 1530)]
    public int MaxLength { get; set; } = SingleSmsLength;

    /// <summary>Whether <paramref name="number"/> is in E.164: <c>+</c>, then 8 to 15 digits, the first not 0.</summary>
    public static bool IsE164(string number) =>
        number.Length is >= 9 and <= 16 && number[0] == '+' && number[1] != '0' && !number.AsSpan(1).ContainsAnyExceptInRange('0', '9');

    /// <summary>Whether <paramref name="senderId"/> is a number in E.164 or an alphanumeric sender id (see <see cref="SenderId"/>).</summary>
    public static bool IsValidSenderId(string senderId) =>
        IsE164(senderId)
        || (senderId.Length is >= 1 and <= 11 && senderId.Any(char.IsAsciiLetter) && senderId.All(c => char.IsAsciiLetterOrDigit(c) || c == ' '));
}
