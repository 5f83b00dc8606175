namespace Sesame.Grains.Interfaces.Activation;

/// <summary>
/// What a member's space records on the account, in one write: the audit entry, the space's new status (the account
/// keeps a copy, so sign-in and recovery need no call to the space), and the message to the member.
/// </summary>
/// <param name="Event">The audit entry.</param>
[GenerateSerializer, Immutable, Alias("sesame.SpaceEvent")]
public sealed record SpaceEvent([Id(0)] AuditEvent Event)
{
    /// <summary>The space's status from now on; null when it does not change.</summary>
    [Id(1)]
    public SpaceStatus? Status { get; init; }

    /// <summary>The message to put in the account's outbox; null for none.</summary>
    [Id(2)]
    public SpaceMessage? Message { get; init; }
}
