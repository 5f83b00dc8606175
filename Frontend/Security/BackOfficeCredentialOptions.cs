using System.ComponentModel.DataAnnotations;

namespace Sesame.Frontend.Security;

/// <summary>One back office's credential (<c>Sesame:BackOffices:{id}</c>), for the admin service.</summary>
public sealed class BackOfficeCredentialOptions
{
    /// <summary>The tenants this back office administers. At least one.</summary>
    [MinLength(1)]
    public List<string> Tenants { get; set; } = [];

    /// <summary>SHA-256 of the API key, in hex. Required.</summary>
    [Required]
    public string KeyHash { get; set; } = string.Empty;

    [Required]
    public RateLimitOptions RateLimit { get; set; } = new();
}
