namespace Sesame.Grains.Interfaces.Notifications;

/// <summary>A letter waiting to be printed and posted by the tenant's back office.</summary>
/// <param name="Id">The letter's id (the notification's id).</param>
/// <param name="Identifier">The member's identifier.</param>
/// <param name="Kind">What the letter says.</param>
/// <param name="AddressLines">Where it goes.</param>
/// <param name="SecurityCode">The one-time security code to print.</param>
/// <param name="CodeExpiresAt">When the code stops working.</param>
/// <param name="QueuedAt">When the letter was queued.</param>
public sealed record PendingLetter(string Id, string Identifier, NotificationKind Kind, IReadOnlyList<string> AddressLines, string? SecurityCode, DateTimeOffset? CodeExpiresAt, DateTimeOffset QueuedAt);
