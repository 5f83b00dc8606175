using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;

namespace Sesame.Grains;

/// <summary>A one-time code sent to a member; only its seal is kept.</summary>
internal sealed class PendingCodeState
{
    /// <summary>The code's seal (<see cref="Hashing.IKeyedDigest.Seal"/>), bound to the account.</summary>
    public string Seal { get; set; } = string.Empty;

    public NotificationKind Kind { get; set; }

    public CodeChannel Channel { get; set; }

    /// <summary>The flow the code must be entered in; null for letters, which arrive days later.</summary>
    public string? FlowId { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public int FailedTries { get; set; }
}
