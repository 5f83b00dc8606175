using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Sesame.Grains.Interfaces.Tenants;

namespace Sesame.Frontend.Security;

/// <summary>
/// Checks every portal and back-office credential at start: a well-formed key hash, used by one credential only,
/// and tenants that exist.
/// </summary>
internal sealed class CredentialsOptionsValidator(ITenantPolicies tenants, IOptions<BackOfficesOptions> backOffices)
    : IValidateOptions<PortalsOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalsOptions options)
    {
        var credentials = options.Select(pair => new Credential($"Sesame:Portals:{pair.Key}", pair.Value.KeyHash, [pair.Value.Tenant], [pair.Value, pair.Value.RateLimit]))
            .Concat(backOffices.Value.Select(pair => new Credential($"Sesame:BackOffices:{pair.Key}", pair.Value.KeyHash, pair.Value.Tenants, [pair.Value, pair.Value.RateLimit])))
            .ToArray();

        var failures = new List<string>();
        foreach (var credential in credentials)
        {
            if (!ApiKeyHash.IsWellFormed(credential.KeyHash))
            {
                failures.Add($"{credential.Path}:KeyHash must be the SHA-256 of the API key in hex (64 characters).");
            }

            failures.AddRange(credential.Tenants.Where(tenant => tenants.Find(tenant) is null)
                .Select(tenant => $"{credential.Path} names tenant '{tenant}', which is not configured."));
            foreach (var target in credential.Validated)
            {
                var results = new List<ValidationResult>();
                if (!Validator.TryValidateObject(target, new ValidationContext(target), results, validateAllProperties: true))
                {
                    failures.AddRange(results.Select(result => $"{credential.Path}: {result.ErrorMessage}"));
                }
            }
        }

        failures.AddRange(credentials.GroupBy(credential => credential.KeyHash.ToLowerInvariant()).Where(group => group.Count() > 1)
            .Select(group => $"{string.Join(" and ", group.Select(credential => credential.Path))} share one key."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private sealed record Credential(string Path, string KeyHash, IReadOnlyList<string> Tenants, IReadOnlyList<object> Validated);
}
