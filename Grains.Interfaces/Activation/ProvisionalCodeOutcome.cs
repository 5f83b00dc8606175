namespace Sesame.Grains.Interfaces.Activation;

/// <summary>Stable codes for <see cref="ProvisionalCodeIssue"/>.</summary>
[GenerateSerializer, Alias("sesame.ProvisionalCodeOutcome")]
public enum ProvisionalCodeOutcome
{
    /// <summary>The code is in the outbox; any earlier code stops working.</summary>
    Sent = 1,

    NoAccount = 2,

    /// <summary>The space is active already: the member signs in, or recovers the password.</summary>
    AlreadyActive = 3,

    /// <summary>No e-mail and no postal address are on file; nothing was sent.</summary>
    NoChannel = 4,

    /// <summary>The tenant has no activation with a provisional code.</summary>
    NotOffered = 5,
}
