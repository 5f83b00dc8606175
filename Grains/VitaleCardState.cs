using Sesame.Grains.Interfaces.Activation;

namespace Sesame.Grains;

/// <summary>The member's Vitale card: its kind and its serial number's seal (<see cref="Hashing.IKeyedDigest.Seal"/>), bound to the account.</summary>
[GenerateSerializer, Alias("sesame.state.VitaleCardState")]
internal sealed class VitaleCardState
{
    [Id(0)]
    public VitaleCardKind Kind { get; set; }

    [Id(1)]
    public string SerialSeal { get; set; } = string.Empty;
}
