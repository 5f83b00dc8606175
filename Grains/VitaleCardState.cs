using Sesame.Grains.Interfaces.Activation;

namespace Sesame.Grains;

/// <summary>The member's Vitale card: its kind and its serial number's seal (<see cref="Hashing.IKeyedDigest.Seal"/>), bound to the account.</summary>
internal sealed class VitaleCardState
{
    public VitaleCardKind Kind { get; set; }

    public string SerialSeal { get; set; } = string.Empty;
}
