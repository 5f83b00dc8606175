using Sesame.Grains.Interfaces;

namespace Sesame.Grains;

[GrainType("activation-flow")]
internal sealed class ActivationFlowGrain([PersistentState("route")] IPersistentState<ActivationRouteState> route, TimeProvider time) : Grain, IActivationFlowGrain
{
    public async Task StartAsync(string accountKey, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountKey);
        if (route.RecordExists)
        {
            throw new InvalidOperationException("An activation with this id exists already; ids are random and never reused.");
        }

        route.State = new ActivationRouteState { AccountKey = accountKey, ExpiresAt = expiresAt };
        await route.WriteStateAsync(CancellationToken.None);
    }

    public async Task<string?> FindAccountAsync(CancellationToken cancellationToken)
    {
        if (!route.RecordExists)
        {
            return null;
        }

        if (route.State.ExpiresAt > time.GetUtcNow())
        {
            return route.State.AccountKey;
        }

        await route.ClearStateAsync(CancellationToken.None);
        return null;
    }
}
