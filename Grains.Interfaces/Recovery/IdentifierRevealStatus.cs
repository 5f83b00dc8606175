namespace Sesame.Grains.Interfaces.Recovery;

/// <summary>Stable codes for the outcome of <see cref="IIdentifierLookupGrain.RevealAsync"/>.</summary>
[GenerateSerializer, Alias("sesame.IdentifierRevealStatus")]
public enum IdentifierRevealStatus
{
    /// <summary>A budget of lookups is spent; nothing was looked up.</summary>
    TooManyAttempts = 1,

    /// <summary>At least one matching member's IBAN ends as given: their identifiers.</summary>
    Revealed = 2,

    /// <summary>Nobody matches, or no IBAN ends as given.</summary>
    NotMatched = 3,
}
