using System.Globalization;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.Grains.Secrets;
using Sesame.Grpc;

namespace Sesame.Frontend.Validation;

/// <summary>Checks of request fields made at the edge, before any grain is reached, so bad input changes nothing.</summary>
internal static class RequestRules
{
    private const int MaxIdentifierLength = 64;
    private const int MaxTenantLength = 32;

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

    /// <summary>Throws NOT_FOUND unless <paramref name="tenant"/> is configured.</summary>
    public static TenantPolicy RequireTenant(ITenantPolicies tenants, string tenant) =>
        tenants.Find(tenant) ?? throw TenantNotFound(tenant);

    public static RpcException TenantNotFound(string tenant) => new(StatusCode.NotFound, $"Tenant '{tenant}' is not configured.");
}
