using Sesame.Grains.Interfaces;
using Orleans.Storage;

namespace Sesame.Grains;

[GrainType("identifier-alias")]
internal sealed class IdentifierAliasGrain([PersistentState("alias")] IPersistentState<IdentifierAliasState> alias) : Grain, IIdentifierAliasGrain
{
    public async Task<bool> ClaimAsync(string accountKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountKey);
        if (!alias.RecordExists)
        {
            alias.State = new IdentifierAliasState { AccountKey = accountKey };
            try
            {
                await alias.WriteStateAsync(CancellationToken.None);
            }
            catch (InconsistentStateException)
            {
                // Another replica claimed it first: the stored claim decides.
                await alias.ReadStateAsync(CancellationToken.None);
            }
        }

        return alias.State.AccountKey == accountKey;
    }

    public async Task<string?> FindAccountAsync(CancellationToken cancellationToken)
    {
        // A claim is for good, so a found account stays found; a miss may be a claim made through another replica.
        if (!alias.RecordExists)
        {
            await alias.ReadStateAsync(cancellationToken);
        }

        return alias.RecordExists ? alias.State.AccountKey : null;
    }
}
