using System.Collections.Concurrent;

namespace Sesame.LoadTest.Correctness;

/// <summary>What the wrong-PIN journeys were answered, per account, for the check against the audit trail.</summary>
internal sealed class LockoutLedger
{
    private readonly ConcurrentDictionary<(string Tenant, string Identifier), LockoutRecord> records = new();

    public IReadOnlyList<LockoutRecord> Records => [.. records.Values.OrderBy(record => record.Tenant, StringComparer.Ordinal).ThenBy(record => record.Identifier, StringComparer.Ordinal)];

    public LockoutRecord Open(string tenant, string identifier) => records.GetOrAdd((tenant, identifier), key => new LockoutRecord(key.Tenant, key.Identifier));
}

/// <summary>
/// One hammered account: wrong PINs answered (each counted by the server: a failure or the lockout), right PINs
/// answered LOCKED_OUT (each refused unchecked), whether the journey saw the lockout, and whether a call went
/// unanswered (the server may or may not have counted it: the account cannot be checked exactly).
/// </summary>
internal sealed class LockoutRecord(string tenant, string identifier)
{
    public string Tenant { get; } = tenant;

    public string Identifier { get; } = identifier;

    public int WrongAnswered { get; set; }

    public int RefusedAnswered { get; set; }

    public bool SawLockout { get; set; }

    public bool Unanswered { get; set; }
}
