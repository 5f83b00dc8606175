namespace Sesame.Grains;

/// <summary>The stored state of one member account. Lockout truth is <see cref="LockedUntil"/>; timers only act on it.</summary>
internal sealed class MemberAccountState
{
    /// <summary>
    /// The PIN's or password's hash in the versioned format of <see cref="Hashing.ISecretHasher"/>; empty until the
    /// member chooses one (first connection).
    /// </summary>
    public string SecretHash { get; set; } = string.Empty;

    /// <summary>When the member last chose the secret, for "renewal advised".</summary>
    public DateTimeOffset SecretChangedAt { get; set; }

    public DateOnly? BirthDate { get; set; }

    /// <summary>Failures since the last success or lockout.</summary>
    public int FailedAttempts { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>Lockouts since the last success, recovery or unlock; each lasts longer.</summary>
    public int ConsecutiveLockouts { get; set; }

    /// <summary>Set after too many lockouts in a row: no sign-in is checked until a recovery or an unlock.</summary>
    public bool RecoveryRequired { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastLoginAt { get; set; }

    /// <summary>The keys of the sessions opened on this account that may still be live, with their absolute ends.</summary>
    public Dictionary<string, DateTimeOffset> Sessions { get; set; } = [];

    /// <summary>The NIR's lookup key (<see cref="Hashing.IKeyedDigest.LookupKey"/>); the NIR itself is not kept.</summary>
    public string? NirDigest { get; set; }

    public string? PostalCode { get; set; }

    public string? Email { get; set; }

    public string? Mobile { get; set; }

    public List<string> PostalAddress { get; set; } = [];

    /// <summary>The IBAN's last six characters, hashed like a secret.</summary>
    public string? IbanTailHash { get; set; }

    /// <summary>The one-time code the member was last sent, while it may still be used.</summary>
    public PendingCodeState? PendingCode { get; set; }

    /// <summary>When wrong codes were entered, within the tenant's budget window.</summary>
    public List<DateTimeOffset> FailedCodeEntries { get; set; } = [];

    /// <summary>The permission to choose a new secret that a verified code gave.</summary>
    public PendingResetState? PendingReset { get; set; }

    public string? AcceptedTermsVersion { get; set; }

    public DateTimeOffset? TermsAcceptedAt { get; set; }

    /// <summary>Messages to the member not yet delivered, stored with whatever they announce.</summary>
    public List<OutboxEntry> Outbox { get; set; } = [];

    /// <summary>The most recent audit entries, oldest first, at most <see cref="MemberAccountGrain.AuditTrailLength"/>.</summary>
    public List<Interfaces.AuditEntry> AuditTrail { get; set; } = [];
}
