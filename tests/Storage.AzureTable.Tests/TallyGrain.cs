using Sesame.Runtime;
using Sesame.Runtime.Storage;

namespace Sesame.Storage.AzureTable.Tests;

public interface ITallyGrain : IGrainWithStringKey
{
    Task<int> AddAsync(int amount);

    /// <summary>The stored total, read afresh.</summary>
    Task<int> GetStoredAsync();
}

public sealed class TallyState
{
    public int Value { get; set; }
}

/// <summary>A stored counter that, like the account grain, re-decides on a fresh read when another replica wrote first.</summary>
[GrainType("tally")]
internal sealed class TallyGrain([PersistentState("tally")] IPersistentState<TallyState> tally) : Grain, ITallyGrain
{
    public async Task<int> AddAsync(int amount)
    {
        while (true)
        {
            tally.State.Value += amount;
            try
            {
                await tally.WriteStateAsync();
                return tally.State.Value;
            }
            catch (InconsistentStateException)
            {
                await tally.ReadStateAsync();
            }
        }
    }

    public async Task<int> GetStoredAsync()
    {
        await tally.ReadStateAsync();
        return tally.State.Value;
    }
}
