
namespace Sesame.Grains.Interfaces;

/// <summary>
/// One scrambled keypad, keyed <c>tenant/keypadId</c>: the digit shown at each of ten positions. Single use: the
/// first resolution consumes it, whatever the PIN turns out to be.
/// </summary>
[Alias("sesame.IKeypadGrain")]
public interface IKeypadGrain : IGrainWithStringKey
{
    /// <summary>Shuffles the keypad and returns the digit at each position, 0 to 9.</summary>
    [Alias("IssueAsync")]
    Task<IssuedKeypad> IssueAsync(TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>The digits at <paramref name="positions"/>, or null if the keypad is unknown, expired or used.</summary>
    [Alias("ResolveAsync")]
    Task<string?> ResolveAsync(IReadOnlyList<int> positions, CancellationToken cancellationToken);
}
