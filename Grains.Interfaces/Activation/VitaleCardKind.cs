namespace Sesame.Grains.Interfaces.Activation;

/// <summary>"Carte Vitale sans photo" or "avec photo".</summary>
[GenerateSerializer, Alias("sesame.VitaleCardKind")]
public enum VitaleCardKind
{
    WithoutPhoto = 1,
    WithPhoto = 2,
}
