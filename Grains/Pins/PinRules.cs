using System.Globalization;
using Sesame.Grains.Interfaces;

namespace Sesame.Grains.Pins;

/// <summary>The rules a six-digit PIN must pass: the format, then no weak pattern and not the member's birth date.</summary>
public static class PinRules
{
    public const int Length = 6;

    /// <summary>Whether <paramref name="pin"/> is exactly six ASCII digits.</summary>
    public static bool HasValidFormat(string? pin) => pin is { Length: Length } && pin.All(char.IsAsciiDigit);

    /// <summary>The first rule <paramref name="pin"/> breaks, or <see cref="PinViolation.None"/>.</summary>
    public static PinViolation Check(string? pin, DateOnly? birthDate)
    {
        if (!HasValidFormat(pin))
        {
            return PinViolation.Format;
        }

        if (IsRepeated(pin!))
        {
            return PinViolation.RepeatedDigits;
        }

        if (IsSequential(pin!, step: 1) || IsSequential(pin!, step: -1))
        {
            return PinViolation.SequentialDigits;
        }

        return birthDate is { } date && BirthDateForms(date).Contains(pin, StringComparer.Ordinal)
            ? PinViolation.BirthDate
            : PinViolation.None;
    }

    private static bool IsRepeated(string pin) =>
        pin.All(digit => digit == pin[0])
        || pin[..2] == pin[2..4] && pin[2..4] == pin[4..]
        || pin[..3] == pin[3..];

    private static bool IsSequential(string pin, int step)
    {
        for (var i = 1; i < pin.Length; i++)
        {
            if (pin[i] - pin[i - 1] != step)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> BirthDateForms(DateOnly date)
    {
        string[] formats = ["ddMMyy", "yyMMdd", "MMddyy", "MMyyyy", "yyyyMM"];
        return formats.Select(format => date.ToString(format, CultureInfo.InvariantCulture));
    }
}
