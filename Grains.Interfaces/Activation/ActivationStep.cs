namespace Sesame.Grains.Interfaces.Activation;

/// <summary>The steps of an activation, in the order they must be done.</summary>
[GenerateSerializer, Alias("sesame.ActivationStep")]
public enum ActivationStep
{
    /// <summary>"Je m'identifie": the provisional code and the NIR.</summary>
    Identified = 1,

    /// <summary>"Ma carte Vitale": its kind and serial number.</summary>
    CardChecked = 2,

    /// <summary>"Je prends ma décision": activate, with the terms and the data protection policy accepted.</summary>
    Decided = 3,

    /// <summary>"Je vérifie mes coordonnées de contact".</summary>
    ContactsConfirmed = 4,
}
