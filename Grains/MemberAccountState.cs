using Sesame.Grains.Interfaces.Activation;
using Sesame.Grains.Protection;

namespace Sesame.Grains;

/// <summary>
/// The stored state of one member account. Lockout truth is each counter's <see cref="AttemptsState.LockedUntil"/>;
/// timers only act on it. Personal data is stored encrypted (<see cref="PersonalDataAttribute"/>).
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

    /// <summary>
    /// The identifier the account was created with (issued identifier, member number or NIR). The account's key is
    /// only its digest (<see cref="Hashing.IGrainKeys.Account"/>), so the account keeps it to tell it.
    /// </summary>
    [PersonalData]
    [Id(2)]
    public string Identifier { get; set; } = string.Empty;

    [PersonalData]
    [Id(3)]
    public DateOnly? BirthDate { get; set; }

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

    /// <summary>The NIR's lookup key (<see cref="Hashing.IKeyedDigest.LookupKey"/>); the NIR itself is not kept.</summary>
    [Id(10)]
    public string? NirDigest { get; set; }

    [PersonalData]
    [Id(11)]
    public string? PostalCode { get; set; }

    [PersonalData]
    [Id(12)]
    public string? Email { get; set; }

    [PersonalData]
    [Id(13)]
    public string? Mobile { get; set; }

    [PersonalData]
    [Id(14)]
    public List<string> PostalAddress { get; set; } = [];

    /// <summary>The IBAN's last six characters, hashed like a secret.</summary>
    [Id(15)]
    public string? IbanTailHash { get; set; }

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

    [Id(20)]
    public string? AcceptedTermsVersion { get; set; }

    [Id(21)]
    public DateTimeOffset? TermsAcceptedAt { get; set; }

    [Id(22)]
    public string? AcceptedPrivacyPolicyVersion { get; set; }

    /// <summary>
    /// Where the member's space stands, for tenants with activation; null before a provisional code is sent. A copy of
    /// the status <see cref="MemberSpaceGrain"/> keeps, which sets it at each change, so that sign-in and recovery need
    /// no call to the space.
    /// </summary>
    [Id(23)]
    public SpaceStatus? Space { get; set; }

    /// <summary>The identifier the member chose (<see cref="Interfaces.Tenants.IdentifierKind.ChosenIdentifier"/>); kept for life.</summary>
    [PersonalData]
    [Id(25)]
    public string? ChosenIdentifier { get; set; }

    /// <summary>Messages to the member not yet delivered, stored with whatever they announce.</summary>
    [PersonalData]
    [Id(29)]
    public List<OutboxEntry> Outbox { get; set; } = [];

    /// <summary>The most recent audit entries, oldest first, at most <see cref="MemberAccountGrain.AuditTrailLength"/>.</summary>
    [Id(30)]
    public List<Interfaces.AuditEntry> AuditTrail { get; set; } = [];
}
