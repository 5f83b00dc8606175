using Orleans.Concurrency;

namespace Sesame.Grains.Interfaces.AttackSignals;

/// <summary>
/// Watches the refused sign-ins of one tenant (its key) across the cluster, for attack signals: a credential-stuffing
/// wave (failures on many distinct accounts) and a client IP failing on many accounts. Its one activation holds a
/// sliding window in memory only: after a restart the window fills again within its length.
/// </summary>
[Alias("sesame.ISignInWatchGrain")]
public interface ISignInWatchGrain : IGrainWithStringKey
{
    /// <summary>
    /// Counts one refused sign-in on the account of <paramref name="accountKey"/> (a digest, never an identifier; an
    /// identifier with no account has one too) from <paramref name="clientIp"/>, when the portal sent it. One-way:
    /// the sign-in does not wait for it.
    /// </summary>
    [Alias("RecordFailureAsync")]
    [OneWay]
    Task RecordFailureAsync(string accountKey, string? clientIp, CancellationToken cancellationToken);
}
