namespace Sesame.Grains;

/// <summary>The stored state of one member account. Lockout truth is <see cref="LockedUntil"/>; timers only act on it.</summary>
internal sealed class MemberAccountState
{
    /// <summary>The PIN's hash in the versioned format of <see cref="Hashing.ISecretHasher"/>.</summary>
    public string SecretHash { get; set; } = string.Empty;

    public DateOnly? BirthDate { get; set; }

    /// <summary>Failures since the last success or lockout.</summary>
    public int FailedAttempts { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastLoginAt { get; set; }

    /// <summary>The most recent audit entries, oldest first, at most <see cref="MemberAccountGrain.AuditTrailLength"/>.</summary>
    public List<Interfaces.AuditEntry> AuditTrail { get; set; } = [];
}
