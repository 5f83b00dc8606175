using Sesame.Runtime;

namespace Sesame.Grains.Interfaces;

/// <summary>
/// The accounts whose space is created automatically on one day (UTC), keyed <c>yyyy-MM-dd</c>, for the sweep that
/// creates them. An account is listed before its deadline is stored and taken off once its space no longer waits.
/// </summary>
public interface ISpaceDeadlinesGrain : IGrainWithStringKey
{
    Task AddAsync(string accountKey, CancellationToken cancellationToken);

    Task RemoveAsync(string accountKey, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);
}
