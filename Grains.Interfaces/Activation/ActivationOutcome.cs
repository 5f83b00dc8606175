namespace Sesame.Grains.Interfaces.Activation;

/// <summary>Stable codes for the outcome of an activation step.</summary>
[GenerateSerializer, Alias("sesame.ActivationOutcome")]
public enum ActivationOutcome
{
    /// <summary>The step is done.</summary>
    Done = 1,

    /// <summary>No live activation has this id (unknown, finished, ended or expired); nothing was done.</summary>
    FlowNotFound = 2,

    /// <summary>An earlier step (<see cref="ActivationResult.MissingStep"/>) is not done; nothing was done.</summary>
    StepMissing = 3,

    /// <summary>"Je m'identifie" refused: wrong, expired or used-up provisional code, or no such member; which is never said.</summary>
    Refused = 4,

    /// <summary>The Vitale card does not match the member's; the try is counted.</summary>
    CardMismatch = 5,

    /// <summary>Too many Vitale cards did not match: the activation ended; it starts again from the provisional code.</summary>
    FlowEnded = 6,

    /// <summary>The member opposed the creation of the space; the activation ended.</summary>
    Opposed = 7,

    /// <summary>A contact's code was wrong, expired or used up, or none was sent.</summary>
    CodeRefused = 8,

    /// <summary>A code was sent to a contact a moment ago; another is sent after <see cref="ActivationResult.RetryAfter"/>.</summary>
    TooSoon = 9,

    /// <summary>No e-mail and no mobile: the access code of every sign-in would have nowhere to go.</summary>
    NoContact = 10,

    /// <summary>The tenant sends no code by this channel.</summary>
    ChannelNotOffered = 11,

    /// <summary>Another member has this identifier.</summary>
    IdentifierTaken = 12,

    /// <summary>The member chose an identifier before (<see cref="ActivationResult.Identifier"/>); it is never changed.</summary>
    IdentifierFixed = 13,

    /// <summary>The password breaks the tenant's rules (<see cref="ActivationResult.Violations"/>).</summary>
    SecretRejected = 14,
}
