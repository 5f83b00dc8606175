
namespace Sesame.Grains.Interfaces;

/// <summary>
/// The way from an activation id to the account it activates, keyed by <see cref="TokenKey.For"/>. The account's space
/// (<see cref="IMemberSpaceGrain"/>, keyed like the account) holds the activation itself (its steps, tries and end) and
/// checks the id again on every step.
/// </summary>
[Alias("sesame.IActivationFlowGrain")]
public interface IActivationFlowGrain : IGrainWithStringKey
{
    /// <summary>Records that the activation id works on <paramref name="accountKey"/> until <paramref name="expiresAt"/>.</summary>
    [Alias("StartAsync")]
    Task StartAsync(string accountKey, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>The key of the account, or null if the id is unknown or past its end.</summary>
    [Alias("FindAccountAsync")]
    Task<string?> FindAccountAsync(CancellationToken cancellationToken);
}
