using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;

namespace Sesame.Grains.Interfaces.Activation;

/// <summary>A message of the member's space, delivered through the account's outbox. Personal data: never logged.</summary>
/// <param name="Kind">What it says.</param>
/// <param name="Channel">
/// How it goes, to the contact on file for it or to <see cref="Destination"/>; null for a notice to the contacts on
/// file: by e-mail, else by SMS, else not at all.
/// </param>
[GenerateSerializer, Immutable, Alias("sesame.SpaceMessage")]
public sealed record SpaceMessage([Id(0)] NotificationKind Kind, [Id(1)] CodeChannel? Channel)
{
    /// <summary>A contact not on file yet (a new e-mail address or mobile number being verified); null for the one on file.</summary>
    [Id(2)]
    public string? Destination { get; init; }

    /// <summary>The one-time code the message carries, if any.</summary>
    [Id(3)]
    public string? Code { get; init; }

    /// <summary>When the code stops working: the message is given up rather than delivered later.</summary>
    [Id(4)]
    public DateTimeOffset? ExpiresAt { get; init; }
}
