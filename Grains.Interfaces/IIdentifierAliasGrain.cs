
namespace Sesame.Grains.Interfaces;

/// <summary>
/// An identifier a member chose (<see cref="Tenants.IdentifierKind.ChosenIdentifier"/>), keyed <c>tenant/identifier</c>:
/// the account it signs in to. The first account to claim it keeps it for good, so it is unique within the tenant and
/// never passes to another member.
/// </summary>
[Alias("sesame.IIdentifierAliasGrain")]
public interface IIdentifierAliasGrain : IGrainWithStringKey
{
    /// <summary>Claims the identifier for <paramref name="accountKey"/>; false if another account holds it.</summary>
    [Alias("ClaimAsync")]
    Task<bool> ClaimAsync(string accountKey, CancellationToken cancellationToken);

    /// <summary>The key of the account that holds the identifier, or null if none does.</summary>
    [Alias("FindAccountAsync")]
    Task<string?> FindAccountAsync(CancellationToken cancellationToken);
}
