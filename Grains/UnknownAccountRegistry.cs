using System.Collections.Concurrent;

namespace Sesame.Grains;

/// <summary>
/// The attempt counters of keys that have no account. They live in process memory only (nothing is stored for an
/// identifier that does not exist) but outlive activations: if they were lost when an idle grain is collected, an
/// unknown identifier would stop answering like a locked account, which would tell it apart from a known one.
/// </summary>
internal sealed class UnknownAccountRegistry
{
    /// <summary>
    /// Bounds the memory a spray of random identifiers can take (a few hundred bytes each). Past it, counters with no
    /// lockout running are dropped first; a flood beyond that can reset some unknown keys, which exposes no account.
    /// </summary>
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, MemberAccountState> states = new(StringComparer.Ordinal);
    private readonly TimeProvider time;

    public UnknownAccountRegistry(TimeProvider time) => this.time = time;

    public int Count => states.Count;

    /// <summary>The counters of <paramref name="key"/>; only its grain's turns touch them, one at a time.</summary>
    public MemberAccountState For(string key)
    {
        if (states.TryGetValue(key, out var state))
        {
            return state;
        }

        if (states.Count >= Capacity)
        {
            Trim();
        }

        return states.GetOrAdd(key, static _ => new MemberAccountState());
    }

    private void Trim()
    {
        var now = time.GetUtcNow();
        foreach (var (key, state) in states)
        {
            if (!state.RecoveryRequired && !(state.PasswordAttempts.LockedUntil > now))
            {
                states.TryRemove(key, out _);
            }
        }

        foreach (var key in states.Keys.Take(Math.Max(0, states.Count - (Capacity * 9 / 10))))
        {
            states.TryRemove(key, out _);
        }
    }
}
