namespace Sesame.Grains.Interfaces.Notifications;

/// <summary>A letter waiting to be printed and posted by the tenant's back office.</summary>
/// <param name="Id">The letter's id (the notification's id).</param>
/// <param name="Identifier">The member's identifier.</param>
/// <param name="Kind">What the letter says.</param>
/// <param name="AddressLines">Where it goes.</param>
/// <param name="SecurityCode">The one-time security code to print.</param>
/// <param name="CodeExpiresAt">When the code stops working.</param>
/// <param name="QueuedAt">When the letter was queued.</param>
[GenerateSerializer, Immutable, Alias("sesame.PendingLetter")]
public sealed record PendingLetter([Id(0)] string Id, [Id(1)] string Identifier, [Id(2)] NotificationKind Kind, [Id(3)] IReadOnlyList<string> AddressLines, [Id(4)] string? SecurityCode, [Id(5)] DateTimeOffset? CodeExpiresAt, [Id(6)] DateTimeOffset QueuedAt);
