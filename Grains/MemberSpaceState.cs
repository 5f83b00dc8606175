using Sesame.Grains.Interfaces.Activation;

namespace Sesame.Grains;

/// <summary>
/// The stored state of one member's space: where it stands, its deadline, the provisional code, the activation under
/// way and the Vitale card it checks. Codes and the card's serial number are kept only as seals.
/// </summary>
[GenerateSerializer, Alias("sesame.state.MemberSpaceState")]
internal sealed class MemberSpaceState
{
    /// <summary>Where the space stands; null before a provisional code is sent.</summary>
    [Id(0)]
    public SpaceStatus? Status { get; set; }

    /// <summary>When the space is created unless the member decides first, while it is <see cref="SpaceStatus.Pending"/>.</summary>
    [Id(1)]
    public DateTimeOffset? Deadline { get; set; }

    [Id(2)]
    public VitaleCardState? VitaleCard { get; set; }

    /// <summary>The provisional code that starts an activation, while it may be used; only its seal is kept.</summary>
    [Id(3)]
    public PendingCodeState? ProvisionalCode { get; set; }

    /// <summary>The activation under way, if any, with its Vitale card tries.</summary>
    [Id(4)]
    public ActivationFlowState? Activation { get; set; }
}
