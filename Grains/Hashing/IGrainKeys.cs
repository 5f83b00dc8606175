namespace Sesame.Grains.Hashing;

/// <summary>
/// The keys of grains that a member's identifier finds: <c>tenant/DIGEST</c>, where the digest is an HMAC-SHA256 of
/// the normalized identifier under <see cref="SecretHashingOptions.GrainKeySecret"/>. Grain ids show in logs and in
/// the store's keys, so they never hold the identifier itself.
/// </summary>
public interface IGrainKeys
{
    /// <summary>The member account whose own identifier (issued identifier, member number or NIR) is <paramref name="identifier"/>.</summary>
    string Account(string tenantId, string identifier);

    /// <summary>The alias grain of an identifier a member chose.</summary>
    string Alias(string tenantId, string chosenIdentifier);

    /// <summary>Where a chosen identifier that no account holds leads: an account that never exists, apart from every real one.</summary>
    string UnclaimedAccount(string tenantId, string chosenIdentifier);
}
