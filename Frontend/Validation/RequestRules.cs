using System.Globalization;
using Grpc.Core;
using Sesame.Frontend.Grpc;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Activation;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Interfaces.Secrets;
using Sesame.Grains.Interfaces.Tenants;

namespace Sesame.Frontend.Validation;

/// <summary>Checks of request fields made at the edge, before any grain is reached, so bad input changes nothing.</summary>
internal static class RequestRules
{
    private const int MaxIdentifierLength = 64;
    private const int MaxTenantLength = 32;
    private const int MinFlowIdLength = 22;
    private const int MaxFlowIdLength = 64;
    private const int MaxAddressLines = 6;
    private const int MaxAddressLineLength = 38;
    private const int IbanTailLength = 6;
    private const int MinChosenIdentifierLength = 8;

    public static void CheckTenant(string tenant, List<FieldViolation> violations)
    {
        if (tenant.Length == 0)
        {
            violations.Add(new("tenant", "is required"));
        }
        else if (tenant.Length > MaxTenantLength || !tenant.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            violations.Add(new("tenant", $"must be at most {MaxTenantLength} lower-case letters, digits or '-'"));
        }
    }

    /// <summary>
    /// Checks an identifier as the tenant's kind says (when the tenant is known) and returns it in the form accounts
    /// are keyed by, or null with a violation added.
    /// </summary>
    public static string? CheckIdentifier(string identifier, TenantPolicy? policy, List<FieldViolation> violations)
    {
        if (identifier.Length == 0)
        {
            violations.Add(new("identifier", "is required"));
            return null;
        }

        if (identifier.Length > MaxIdentifierLength || identifier.Any(char.IsControl))
        {
            violations.Add(new("identifier", $"must be at most {MaxIdentifierLength} characters with no control characters"));
            return null;
        }

        switch (policy?.Identifier)
        {
            case IdentifierKind.Nir:
                return Nir.Normalize(identifier) ?? Refuse("must be a social security number: 15 characters whose last two are its key");
            case IdentifierKind.MemberNumber when identifier.All(char.IsAsciiDigit):
                return identifier;
            case IdentifierKind.MemberNumber:
                return Refuse("must be a member number: digits only");
            default:
                return identifier.Any(char.IsWhiteSpace) ? Refuse("must have no spaces") : identifier;
        }

        string? Refuse(string description)
        {
            violations.Add(new("identifier", description));
            return null;
        }
    }

    /// <summary>
    /// Checks the identifier a member signs in with: where members choose theirs (<see cref="IdentifierKind.ChosenIdentifier"/>)
    /// under the rules of chosen identifiers, otherwise as <see cref="CheckIdentifier"/> does. Returns it, or null with
    /// a violation added.
    /// </summary>
    public static string? CheckSignInIdentifier(string identifier, TenantPolicy? policy, List<FieldViolation> violations)
    {
        if (policy?.Identifier != IdentifierKind.ChosenIdentifier)
        {
            return CheckIdentifier(identifier, policy, violations);
        }

        var before = violations.Count;
        CheckChosenIdentifier("identifier", identifier, violations);
        return violations.Count == before ? identifier : null;
    }

    /// <summary>
    /// An identifier a member chooses (mes): at least 8 and at most 64 lower-case letters, digits, '.', '-' or '_';
    /// "Les lettres majuscules sont interdites", "l'identifiant ne peut pas être une adresse e-mail".
    /// </summary>
    public static void CheckChosenIdentifier(string field, string identifier, List<FieldViolation> violations)
    {
        if (identifier.Contains('@', StringComparison.Ordinal))
        {
            violations.Add(new(field, "must not be an e-mail address"));
        }
        else if (identifier.Any(char.IsUpper))
        {
            violations.Add(new(field, "must not hold upper-case letters"));
        }
        else if (!identifier.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_'))
        {
            violations.Add(new(field, "may hold only lower-case letters, digits, '.', '-' and '_'"));
        }
        else if (identifier.Length is < MinChosenIdentifierLength or > MaxIdentifierLength)
        {
            violations.Add(new(field, $"must be {MinChosenIdentifierLength} to {MaxIdentifierLength} characters"));
        }
    }

    /// <summary>
    /// A provisional code as typed: <paramref name="length"/> letters and digits of the codes' alphabet (no 0, 1, I, L
    /// or O), case and spaces ignored. Returns it normalised, or null with a violation added.
    /// </summary>
    public static string? CheckProvisionalCode(string field, string code, int length, List<FieldViolation> violations)
    {
        var normalized = code.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if (normalized.Length != length || !normalized.All(c => OneTimeCode.LetterAlphabet.Contains(c, StringComparison.Ordinal)))
        {
            violations.Add(new(field, $"must be the {length} characters of the provisional code: letters and digits other than 0, 1, I, L and O"));
            return null;
        }

        return normalized;
    }

    /// <summary>A Vitale card's serial number: 8 to 20 letters or digits, spaces ignored; normalised, or null with a violation added.</summary>
    public static string? CheckVitaleCardSerial(string field, string serialNumber, List<FieldViolation> violations)
    {
        if (serialNumber.Length <= MaxIdentifierLength && VitaleCard.NormalizeSerialNumber(serialNumber) is { } normalized)
        {
            return normalized;
        }

        violations.Add(new(field, $"must be the card's serial number: {VitaleCard.MinSerialLength} to {VitaleCard.MaxSerialLength} letters or digits"));
        return null;
    }

    /// <summary>
    /// What a sign-in must carry: with the tenant's keypad on, a keypad id and six positions and no secret; otherwise
    /// a secret of the tenant's kind and no keypad.
    /// </summary>
    public static void CheckSignIn(string secret, string keypadId, IReadOnlyList<int> positions, TenantPolicy? policy, List<FieldViolation> violations)
    {
        if (policy is null)
        {
            return;
        }

        if (!policy.Keypad.Enabled)
        {
            CheckSecret("secret", secret, policy, violations);
            if (keypadId.Length > 0 || positions.Count > 0)
            {
                violations.Add(new("keypad_id", "must be empty: this tenant takes no keypad"));
            }

            return;
        }

        if (secret.Length > 0)
        {
            violations.Add(new("secret", "must be empty: this tenant takes the PIN as keypad positions"));
        }

        if (!RandomToken.IsWellFormed(keypadId))
        {
            violations.Add(new("keypad_id", "must be the id IssueKeypad returned"));
        }

        if (positions.Count != SecretRules.PinLength || positions.Any(position => position is < 0 or > 9))
        {
            violations.Add(new("positions", $"must be {SecretRules.PinLength} keypad positions from 0 to 9"));
        }
    }

    /// <summary>The shape of a secret presented to sign in; the full rules apply when one is chosen.</summary>
    public static void CheckSecret(string field, string secret, TenantPolicy? policy, List<FieldViolation> violations)
    {
        if (policy is null)
        {
            return;
        }

        if (policy.Secret.Kind == SecretKind.Pin)
        {
            if (!SecretRules.HasPinFormat(secret))
            {
                violations.Add(new(field, $"must be exactly {SecretRules.PinLength} digits"));
            }
        }
        else if (secret.Length == 0 || secret.Length > policy.Secret.Password.MaxLength || secret.Any(char.IsControl))
        {
            violations.Add(new(field, $"must be 1 to {policy.Secret.Password.MaxLength} characters with no control characters"));
        }
    }

    /// <summary>Parses an optional ISO 8601 date that must be a real past date.</summary>
    public static DateOnly? CheckBirthDate(string value, DateOnly today, List<FieldViolation> violations)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            violations.Add(new("birth_date", "must be a calendar date written YYYY-MM-DD"));
            return null;
        }

        if (date > today || date.Year < 1900)
        {
            violations.Add(new("birth_date", "must be a date between 1900-01-01 and today"));
            return null;
        }

        return date;
    }

    /// <summary>A portal's flow id: 22 to 64 characters of A-Z a-z 0-9 - _ (at least 128 random bits written in base64url).</summary>
    public static void CheckFlowId(string flowId, List<FieldViolation> violations)
    {
        if (flowId.Length is < MinFlowIdLength or > MaxFlowIdLength || !RandomToken.IsBase64Url(flowId))
        {
            violations.Add(new("flow_id", $"must be {MinFlowIdLength} to {MaxFlowIdLength} characters of A-Z, a-z, 0-9, '-' or '_' (at least 128 random bits)"));
        }
    }

    /// <summary>A one-time code as typed: 6 to 16 letters or digits.</summary>
    public static void CheckCode(string code, List<FieldViolation> violations)
    {
        if (code.Length is < 6 or > 16 || !code.All(char.IsAsciiLetterOrDigit))
        {
            violations.Add(new("code", "must be the 6 to 16 letters or digits of the code received"));
        }
    }

    /// <summary>A NIR whose key matches, in its normalised form; null with a violation otherwise.</summary>
    public static string? CheckNir(string field, string nir, bool required, List<FieldViolation> violations)
    {
        if (nir.Length == 0)
        {
            if (required)
            {
                violations.Add(new(field, "is required"));
            }

            return null;
        }

        var normalized = nir.Length <= MaxIdentifierLength ? Nir.Normalize(nir) : null;
        if (normalized is null)
        {
            violations.Add(new(field, "must be a social security number: 15 characters whose last two are its key"));
        }

        return normalized;
    }

    /// <summary>A French postal code: five digits.</summary>
    public static void CheckPostalCode(string field, string postalCode, bool required, List<FieldViolation> violations)
    {
        if (postalCode.Length == 0 && !required)
        {
            return;
        }

        if (postalCode.Length != 5 || !postalCode.All(char.IsAsciiDigit))
        {
            violations.Add(new(field, "must be a postal code of five digits"));
        }
    }

    /// <summary>An e-mail address: one '@' with a local part and a dotted domain, no spaces, at most 254 characters.</summary>
    public static void CheckEmail(string field, string email, List<FieldViolation> violations)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var valid = email.Length <= 254
            && at > 0
            && at == email.LastIndexOf('@')
            && email.IndexOf('.', at) is var dot && dot > at + 1 && dot < email.Length - 1
            && !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
        if (!valid)
        {
            violations.Add(new(field, "must be an e-mail address such as prenom.nom@exemple.fr"));
        }
    }

    /// <summary>A mobile number in international form (+33612345678) or French form (0612345678); the international form, or null.</summary>
    public static string? CheckMobile(string field, string mobile, List<FieldViolation> violations)
    {
        var international = mobile.Length == 10 && mobile[0] == '0' && mobile.All(char.IsAsciiDigit) ? $"+33{mobile[1..]}" : mobile;
        if (international.Length is < 9 or > 16 || international[0] != '+' || international[1] == '0' || !international[1..].All(char.IsAsciiDigit))
        {
            violations.Add(new(field, "must be a mobile number such as +33612345678 or 0612345678"));
            return null;
        }

        return international;
    }

    /// <summary>Postal address lines as NF Z10-011 has them: at most 6 lines of at most 38 characters, none empty.</summary>
    public static void CheckAddress(string field, IReadOnlyList<string> lines, List<FieldViolation> violations)
    {
        if (lines.Count > MaxAddressLines || lines.Any(line => line.Trim().Length == 0 || line.Length > MaxAddressLineLength || line.Any(char.IsControl)))
        {
            violations.Add(new(field, $"must be at most {MaxAddressLines} non-empty lines of at most {MaxAddressLineLength} characters"));
        }
    }

    /// <summary>The last six characters of an IBAN, upper-cased; null with a violation otherwise.</summary>
    public static string? CheckIbanTail(string field, string ibanTail, List<FieldViolation> violations)
    {
        if (ibanTail.Length != IbanTailLength || !ibanTail.All(char.IsAsciiLetterOrDigit))
        {
            violations.Add(new(field, $"must be the last {IbanTailLength} letters or digits of the IBAN"));
            return null;
        }

        return ibanTail.ToUpperInvariant();
    }

    /// <summary>Throws NOT_FOUND unless <paramref name="tenant"/> is configured.</summary>
    public static TenantPolicy RequireTenant(ITenantPolicies tenants, string tenant) =>
        tenants.Find(tenant) ?? throw TenantNotFound(tenant);

    /// <summary>Whether every id is 1 to 64 characters long, as the ids Sésame hands out (letters, messages) are.</summary>
    public static bool AreIds(IEnumerable<string> ids) => ids.All(id => id.Length is > 0 and <= 64);

    public static RpcException TenantNotFound(string tenant) => RpcErrors.Status(StatusCode.NotFound, $"Tenant '{tenant}' is not configured.");
}
