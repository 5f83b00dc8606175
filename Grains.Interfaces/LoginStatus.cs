namespace Sesame.Grains.Interfaces;

/// <summary>Stable codes for the outcome of a sign-in attempt.</summary>
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
}
