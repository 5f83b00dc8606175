
namespace Sesame.Grains;

/// <summary>A stored set of keys; adding a key it holds, or removing one it does not, writes nothing.</summary>
internal abstract class KeySetGrain(IPersistentState<KeySetState> set) : Grain
{
    public virtual async Task AddAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (set.State.Keys.Add(key))
        {
            await set.WriteStateAsync(CancellationToken.None);
        }
    }

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (set.State.Keys.Remove(key))
        {
            await set.WriteStateAsync(CancellationToken.None);
        }
    }

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([.. Keys]);

    protected IReadOnlyCollection<string> Keys => set.State.Keys;
}
