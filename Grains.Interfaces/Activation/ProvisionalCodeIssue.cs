using Sesame.Grains.Interfaces.Recovery;

namespace Sesame.Grains.Interfaces.Activation;

/// <summary>The outcome of a back office's request for a provisional code.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Channel">How the code went: by e-mail, or by letter for members without e-mail.</param>
/// <param name="ExpiresAt">When the code stops working.</param>
/// <param name="Deadline">When the space is created unless the member decides first; null once decided or created.</param>
[GenerateSerializer, Immutable, Alias("sesame.ProvisionalCodeIssue")]
public sealed record ProvisionalCodeIssue([Id(0)] ProvisionalCodeOutcome Outcome, [Id(1)] CodeChannel? Channel = null, [Id(2)] DateTimeOffset? ExpiresAt = null, [Id(3)] DateTimeOffset? Deadline = null);
