namespace Sesame.Grains.Interfaces;

/// <summary>Stable codes for the outcome of creating an account.</summary>
[GenerateSerializer, Alias("sesame.AccountCreationStatus")]
public enum AccountCreationStatus
{
    Created = 1,
    AlreadyExists = 2,
    UnknownTenant = 3,
    SecretRejected = 4,
}
