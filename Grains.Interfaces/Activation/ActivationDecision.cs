namespace Sesame.Grains.Interfaces.Activation;

/// <summary>"Je prends ma décision".</summary>
[GenerateSerializer, Alias("sesame.ActivationDecision")]
public enum ActivationDecision
{
    /// <summary>"J'active Mon espace santé".</summary>
    Activate = 1,

    /// <summary>"Je m'oppose à la création de Mon espace santé".</summary>
    Oppose = 2,
}
