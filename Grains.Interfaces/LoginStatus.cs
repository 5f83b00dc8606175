namespace Sesame.Grains.Interfaces;

/// <summary>Stable codes for the outcome of a sign-in attempt.</summary>
[GenerateSerializer, Alias("sesame.LoginStatus")]
public enum LoginStatus
{
    /// <summary>The secret matched.</summary>
    Succeeded = 1,

    /// <summary>The identifier or the secret is wrong; which one is never said.</summary>
    InvalidCredentials = 2,

    /// <summary>Too many failures: no attempt is taken until <see cref="LoginResult.RetryAfter"/> has passed.</summary>
    LockedOut = 3,

    /// <summary>The tenant is not configured.</summary>
    UnknownTenant = 4,

    /// <summary>Too many lockouts in a row: no attempt is taken until the member recovers the account or it is unlocked.</summary>
    RecoveryRequired = 5,

    /// <summary>The password matched and a one-time access code was sent (<see cref="LoginResult.AccessCode"/>): no session yet.</summary>
    AccessCodeSent = 6,

    /// <summary>No access code is waiting for this sign-in: used, expired, replaced or never sent. The member signs in again.</summary>
    AccessCodeExpired = 7,

    /// <summary>The password matched but no e-mail or mobile is on file to send the access code to.</summary>
    NoAccessCodeChannel = 8,
}
