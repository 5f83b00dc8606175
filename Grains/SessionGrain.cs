using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Tenants;

namespace Sesame.Grains;

[GrainType("session")]
internal sealed class SessionGrain([PersistentState("session")] IPersistentState<SessionState> session, TimeProvider time) : Grain, ISessionGrain
{
    /// <summary>
    /// Validation is called on every page a member opens; storing each use would make every page a write. The last
    /// use is stored at most this often, so the idle end is exact to within this much.
    /// </summary>
    private static readonly TimeSpan UseRecordingInterval = TimeSpan.FromMinutes(1);

    public async Task<DateTimeOffset> StartAsync(string accountKey, string identifier, SessionPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountKey);
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        ArgumentNullException.ThrowIfNull(policy);
        if (session.RecordExists)
        {
            throw new InvalidOperationException("A session with this token exists already; tokens are random and never reused.");
        }

        var now = time.GetUtcNow();
        session.State = new SessionState
        {
            AccountKey = accountKey,
            Identifier = identifier,
            StartedAt = now,
            LastUsedAt = now,
            IdleTimeout = policy.IdleTimeout,
            EndsAt = now + policy.AbsoluteLifetime,
        };
        await session.WriteStateAsync(CancellationToken.None);
        return session.State.ExpiresAt;
    }

    public async Task<SessionValidation> ValidateAsync(CancellationToken cancellationToken)
    {
        if (!session.RecordExists)
        {
            return SessionValidation.Invalid;
        }

        var now = time.GetUtcNow();
        var state = session.State;
        if (state.ExpiresAt <= now)
        {
            await session.ClearStateAsync(CancellationToken.None);
            return SessionValidation.Invalid;
        }

        if (now - state.LastUsedAt >= UseRecordingInterval)
        {
            state.LastUsedAt = now;
            await session.WriteStateAsync(CancellationToken.None);
        }

        return new SessionValidation(true, state.AccountKey, state.ExpiresAt, state.Identifier);
    }

    public async Task<bool> EndAsync(CancellationToken cancellationToken) => await LogoutAsync(cancellationToken) is not null;

    public async Task<string?> LogoutAsync(CancellationToken cancellationToken)
    {
        if (!session.RecordExists)
        {
            return null;
        }

        var wasLive = session.State.ExpiresAt > time.GetUtcNow();
        var accountKey = session.State.AccountKey;
        await session.ClearStateAsync(CancellationToken.None);
        return wasLive ? accountKey : null;
    }
}
