using System.ComponentModel.DataAnnotations;

namespace Sesame.Frontend.Security;

/// <summary>One portal's credential (<c>Sesame:Portals:{id}</c>).</summary>
public sealed class PortalCredentialOptions
{
    /// <summary>The one tenant this portal serves. Required.</summary>
    [Required]
    public string Tenant { get; set; } = string.Empty;

    /// <summary>SHA-256 of the API key, in hex (<c>printf %s "$KEY" | sha256sum</c>). The key itself is never configured. Required.</summary>
    [Required]
    public string KeyHash { get; set; } = string.Empty;

    [Required]
    public RateLimitOptions RateLimit { get; set; } = new();
}
