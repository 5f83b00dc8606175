using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;

namespace Sesame.Grains;

/// <summary>A one-time code sent to a member; only its seal is kept.</summary>
[GenerateSerializer, Alias("sesame.state.PendingCodeState")]
internal sealed class PendingCodeState
{
    /// <summary>The code's seal (<see cref="Hashing.IKeyedDigest.Seal"/>), bound to the account.</summary>
    [Id(0)]
    public string Seal { get; set; } = string.Empty;

    [Id(1)]
    public NotificationKind Kind { get; set; }

    [Id(2)]
    public CodeChannel Channel { get; set; }

    /// <summary>The flow the code must be entered in; null for letters, which arrive days later.</summary>
    [Id(3)]
    public string? FlowId { get; set; }

    [Id(4)]
    public DateTimeOffset SentAt { get; set; }

    [Id(5)]
    public DateTimeOffset ExpiresAt { get; set; }

    [Id(6)]
    public int FailedTries { get; set; }
}
