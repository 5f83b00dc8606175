using System.ComponentModel.DataAnnotations;

namespace Sesame.Grains.Interfaces.Tenants;

/// <summary>Who the tenant's e-mails come from.</summary>
public sealed class EmailPolicy
{
    /// <summary>
    /// The sender's address. Default: empty, meaning <c>no-reply@{tenant}.sesame.invalid</c>, which a local inbox
    /// accepts and a real relay refuses: set an address of a domain the relay is allowed to send for.
    /// </summary>
    [MaxLength(254)]
    public string FromAddress { get; set; } = string.Empty;

    /// <summary>The sender's name as mail clients show it. Default: empty, meaning the portal's <see cref="TenantPolicy.DisplayName"/>.</summary>
    [MaxLength(100)]
    public string FromName { get; set; } = string.Empty;

    /// <summary>The sender's address for <paramref name="tenantId"/>: <see cref="FromAddress"/> or its default.</summary>
    public string FromAddressFor(string tenantId) => FromAddress.Length > 0 ? FromAddress : $"no-reply@{tenantId}.sesame.invalid";
}
