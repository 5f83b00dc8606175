using Sesame.Grains.Interfaces;

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
            await alias.WriteStateAsync(CancellationToken.None);
        }

        return alias.State.AccountKey == accountKey;
    }

    public Task<string?> FindAccountAsync(CancellationToken cancellationToken) => Task.FromResult(alias.RecordExists ? alias.State.AccountKey : null);
}
