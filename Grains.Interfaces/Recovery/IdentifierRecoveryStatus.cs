namespace Sesame.Grains.Interfaces.Recovery;

/// <summary>Stable codes for the outcome of <see cref="IIdentifierLookupGrain.RecoverAsync"/>.</summary>
[GenerateSerializer, Alias("sesame.IdentifierRecoveryStatus")]
public enum IdentifierRecoveryStatus
{
    /// <summary>A budget of lookups is spent; nothing was looked up.</summary>
    TooManyAttempts = 1,

    /// <summary>At least one matching member got their identifier by e-mail (others may have by SMS).</summary>
    EmailSent = 2,

    /// <summary>Matching members got their identifier by SMS only.</summary>
    SmsSent = 3,

    /// <summary>Nobody was sent anything: the identifier is shown against the end of the IBAN, if anyone matches at all.</summary>
    IbanRequired = 4,
}
