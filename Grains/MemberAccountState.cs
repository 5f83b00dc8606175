using Sesame.Grains.Interfaces.Activation;
using Sesame.Grains.Protection;

namespace Sesame.Grains;

/// <summary>
/// The stored state of one member account: its secret, counters, sessions, pending codes, outbox and audit trail;
/// what a sign-in changes. The member's identity, contacts and accepted terms are in <see cref="MemberProfileState"/>,
/// so a wrong PIN writes only this. Lockout truth is each counter's <see cref="AttemptsState.LockedUntil"/>; timers only
/// act on it. Personal data is stored encrypted (<see cref="PersonalDataAttribute"/>).
/// </summary>
[GenerateSerializer, Alias("sesame.state.MemberAccountState")]
internal sealed class MemberAccountState
{
    /// <summary>
    /// The PIN's or password's hash in the versioned format of <see cref="Hashing.ISecretHasher"/>; empty until the
    /// member chooses one (first connection).
    /// </summary>
    [Id(0)]
    public string SecretHash { get; set; } = string.Empty;

    /// <summary>When the member last chose the secret, for "renewal advised".</summary>
    [Id(1)]
    public DateTimeOffset SecretChangedAt { get; set; }

    /// <summary>Wrong PINs or passwords, and the lockouts they caused.</summary>
    [Id(4)]
    public AttemptsState PasswordAttempts { get; set; } = new();

    /// <summary>Wrong access codes (second factor), counted apart from passwords.</summary>
    [Id(5)]
    public AttemptsState AccessCodeAttempts { get; set; } = new();

    /// <summary>Set after too many lockouts in a row on either counter: no sign-in is checked until a recovery or an unlock.</summary>
    [Id(6)]
    public bool RecoveryRequired { get; set; }

    [Id(7)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(8)]
    public DateTimeOffset? LastLoginAt { get; set; }

    /// <summary>The keys of the sessions opened on this account that may still be live, with their absolute ends.</summary>
    [Id(9)]
    public Dictionary<string, DateTimeOffset> Sessions { get; set; } = [];

    /// <summary>The one-time code the member was last sent, while it may still be used.</summary>
    [Id(16)]
    public PendingCodeState? PendingCode { get; set; }

    /// <summary>When wrong codes were entered, within the tenant's budget window.</summary>
    [Id(17)]
    public List<DateTimeOffset> FailedCodeEntries { get; set; } = [];

    /// <summary>The access code of a sign-in waiting for its second step; its flow id is the sign-in's id, hashed.</summary>
    [Id(18)]
    public PendingCodeState? PendingAccessCode { get; set; }

    /// <summary>The permission to choose a new secret that a verified code gave.</summary>
    [Id(19)]
    public PendingResetState? PendingReset { get; set; }

    /// <summary>
    /// Where the member's space stands, for tenants with activation; null before a provisional code is sent. A copy of
    /// the status <see cref="MemberSpaceGrain"/> keeps, which sets it at each change, so that sign-in and recovery need
    /// no call to the space.
    /// </summary>
    [Id(23)]
    public SpaceStatus? Space { get; set; }

    /// <summary>Messages to the member not yet delivered, stored with whatever they announce.</summary>
    [PersonalData]
    [Id(29)]
    public List<OutboxEntry> Outbox { get; set; } = [];

    /// <summary>The most recent audit entries, oldest first, at most <see cref="MemberAccountGrain.AuditTrailLength"/>.</summary>
    [Id(30)]
    public List<Interfaces.AuditEntry> AuditTrail { get; set; } = [];
}
