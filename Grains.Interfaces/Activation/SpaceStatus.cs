namespace Sesame.Grains.Interfaces.Activation;

/// <summary>Where a member's space stands, for tenants with <see cref="Tenants.ActivationPolicy"/>.</summary>
[GenerateSerializer, Alias("sesame.SpaceStatus")]
public enum SpaceStatus
{
    /// <summary>A provisional code was sent; without a decision the space is created at the deadline.</summary>
    Pending = 1,

    /// <summary>"Je m'oppose à la création de Mon espace santé"; the member can still activate it later.</summary>
    Opposed = 2,

    /// <summary>Created automatically at the deadline; the member activates it to sign in.</summary>
    Created = 3,

    /// <summary>Activated: the member chose an identifier and a password and signs in with them.</summary>
    Active = 4,

    /// <summary>"Clôturer votre espace": no sign-in; the member can activate it again with a new provisional code.</summary>
    Closed = 5,
}
