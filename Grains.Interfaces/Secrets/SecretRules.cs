using System.Globalization;
using Sesame.Grains.Interfaces.Tenants;

namespace Sesame.Grains.Interfaces.Secrets;

/// <summary>
/// The rules a new PIN or password must pass. A PIN: six digits, no weak pattern, not the member's birth date. A
/// password: the tenant's <see cref="PasswordRules"/>.
/// </summary>
public static class SecretRules
{
    public const int PinLength = 6;

    /// <summary>Whether <paramref name="pin"/> is exactly six ASCII digits.</summary>
    public static bool HasPinFormat(string? pin) => pin is { Length: PinLength } && pin.All(char.IsAsciiDigit);

    /// <summary>Every rule <paramref name="secret"/> breaks; empty if it passes.</summary>
    public static IReadOnlyList<SecretViolation> Check(SecretPolicy policy, string secret, DateOnly? birthDate)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(secret);
        return policy.Kind == SecretKind.Pin ? CheckPin(secret, birthDate) : CheckPassword(policy.Password, secret);
    }

    private static SecretViolation[] CheckPin(string pin, DateOnly? birthDate)
    {
        if (!HasPinFormat(pin))
        {
            return [SecretViolation.PinFormat];
        }

        if (IsRepeated(pin))
        {
            return [SecretViolation.RepeatedDigits];
        }

        if (IsSequential(pin, step: 1) || IsSequential(pin, step: -1))
        {
            return [SecretViolation.SequentialDigits];
        }

        return birthDate is { } date && BirthDateForms(date).Contains(pin, StringComparer.Ordinal) ? [SecretViolation.BirthDate] : [];
    }

    private static List<SecretViolation> CheckPassword(PasswordRules rules, string password)
    {
        var violations = new List<SecretViolation>();
        if (password.Length < rules.MinLength)
        {
            violations.Add(SecretViolation.TooShort);
        }

        if (password.Length > rules.MaxLength)
        {
            violations.Add(SecretViolation.TooLong);
        }

        if (rules.RequireUppercase && !password.Any(char.IsUpper))
        {
            violations.Add(SecretViolation.MissingUppercase);
        }

        if (rules.RequireLowercase && !password.Any(char.IsLower))
        {
            violations.Add(SecretViolation.MissingLowercase);
        }

        if (rules.RequireDigit && !password.Any(char.IsDigit))
        {
            violations.Add(SecretViolation.MissingDigit);
        }

        if (rules.RequireSpecial && password.All(char.IsLetterOrDigit))
        {
            violations.Add(SecretViolation.MissingSpecial);
        }

        if (password.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || rules.ForbiddenCharacters.Contains(c, StringComparison.Ordinal)))
        {
            violations.Add(SecretViolation.ForbiddenCharacter);
        }

        return violations;
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
