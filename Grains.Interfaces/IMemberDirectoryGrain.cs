using Sesame.Runtime;

namespace Sesame.Grains.Interfaces;

/// <summary>
/// The account keys of the members who share one NIR in one tenant (children are often on a parent's NIR), keyed
/// <c>tenant/digest</c> where the digest is a keyed hash of the NIR, so the store never holds the NIR itself.
/// </summary>
public interface IMemberDirectoryGrain : IGrainWithStringKey
{
    Task AddAsync(string accountKey, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);
}
