namespace Sesame.Grains.Interfaces.Recovery;

/// <summary>The outcome of <see cref="IIdentifierLookupGrain.RevealAsync"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="RetryAfter">With <see cref="IdentifierRevealStatus.TooManyAttempts"/>: how long until the spent budget has room again.</param>
/// <param name="Identifiers">With <see cref="IdentifierRevealStatus.Revealed"/>: the identifiers the members sign in with.</param>
[GenerateSerializer, Immutable, Alias("sesame.IdentifierRevealResult")]
public sealed record IdentifierRevealResult([Id(0)] IdentifierRevealStatus Status, [Id(1)] TimeSpan? RetryAfter, [Id(2)] IReadOnlyList<string> Identifiers)
{
    public static IdentifierRevealResult NotMatched { get; } = new(IdentifierRevealStatus.NotMatched, null, []);

    public static IdentifierRevealResult TooManyAttempts(TimeSpan retryAfter) => new(IdentifierRevealStatus.TooManyAttempts, retryAfter, []);

    public static IdentifierRevealResult Revealed(IReadOnlyList<string> identifiers) => new(IdentifierRevealStatus.Revealed, null, identifiers);
}
