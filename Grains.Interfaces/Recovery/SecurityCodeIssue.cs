namespace Sesame.Grains.Interfaces.Recovery;

/// <summary>The outcome of a back office's request for a security code by letter.</summary>
[GenerateSerializer, Alias("sesame.SecurityCodeIssue")]
public enum SecurityCodeIssue
{
    /// <summary>The letter is queued for printing.</summary>
    Queued = 1,

    NoAccount = 2,

    /// <summary>No postal address is on file; nothing was queued.</summary>
    NoPostalAddress = 3,

    /// <summary>The tenant's members activate their space with a provisional code instead.</summary>
    NotOffered = 4,
}
