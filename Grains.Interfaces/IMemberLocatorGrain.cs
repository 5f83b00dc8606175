namespace Sesame.Grains.Interfaces;

/// <summary>
/// Where the accounts of one tenant (its key) are found by what callers know of them: an identifier, a NIR. The keys
/// are keyed hashes under secrets that only silos hold, so a frontend asks here instead of computing them.
/// </summary>
[Alias("sesame.IMemberLocatorGrain")]
public interface IMemberLocatorGrain : IGrainWithStringKey
{
    /// <summary>The key of the account whose own identifier (issued identifier, member number or NIR) is <paramref name="identifier"/>, normalized: a back office's address.</summary>
    [Alias("AccountKeyAsync")]
    Task<string> AccountKeyAsync(string identifier, CancellationToken cancellationToken);

    /// <summary>
    /// The key of the account a member signs in to with <paramref name="identifier"/>, normalized. Where members choose
    /// theirs, it is the account that holds it, and one that nobody holds leads to an account that never exists, so it
    /// answers exactly like an unknown identifier.
    /// </summary>
    [Alias("SignInAccountKeyAsync")]
    Task<string> SignInAccountKeyAsync(string identifier, CancellationToken cancellationToken);

    /// <summary>The keys of the accounts of the members who share <paramref name="nir"/>, normalized (see <see cref="Nir"/>).</summary>
    [Alias("AccountsSharingNirAsync")]
    Task<IReadOnlyList<string>> AccountsSharingNirAsync(string nir, CancellationToken cancellationToken);
}
