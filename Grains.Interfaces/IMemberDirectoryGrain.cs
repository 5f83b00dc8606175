
namespace Sesame.Grains.Interfaces;

/// <summary>
/// The account keys of the members who share one NIR in one tenant (children are often on a parent's NIR), keyed
/// <c>tenant/digest</c> where the digest is a keyed hash of the NIR, so the store never holds the NIR itself.
/// </summary>
[Alias("sesame.IMemberDirectoryGrain")]
public interface IMemberDirectoryGrain : IGrainWithStringKey
{
    [Alias("AddAsync")]
    Task AddAsync(string accountKey, CancellationToken cancellationToken);

    [Alias("ListAsync")]
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);
}
