
namespace Sesame.Grains.Interfaces;

/// <summary>
/// The accounts whose space is created automatically on one day (UTC), keyed <c>yyyy-MM-dd</c>, for the sweep that
/// creates them. An account is listed before its deadline is stored and taken off once its space no longer waits.
/// </summary>
[Alias("sesame.ISpaceDeadlinesGrain")]
public interface ISpaceDeadlinesGrain : IGrainWithStringKey
{
    [Alias("AddAsync")]
    Task AddAsync(string accountKey, CancellationToken cancellationToken);

    [Alias("RemoveAsync")]
    Task RemoveAsync(string accountKey, CancellationToken cancellationToken);

    [Alias("ListAsync")]
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);
}
