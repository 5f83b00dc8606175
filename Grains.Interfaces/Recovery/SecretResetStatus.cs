namespace Sesame.Grains.Interfaces.Recovery;

/// <summary>The outcome of choosing a new secret after a verified code.</summary>
[GenerateSerializer, Alias("sesame.SecretResetStatus")]
public enum SecretResetStatus
{
    /// <summary>The new secret is set, every session ended and the member notified.</summary>
    Changed = 1,

    /// <summary>The reset token is unknown, used or expired; nothing changed.</summary>
    ResetRefused = 2,

    /// <summary>The secret breaks the tenant's rules; nothing changed.</summary>
    SecretRejected = 3,
}
