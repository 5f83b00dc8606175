using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Sesame.Grains.Interfaces.AttackSignals;
using Sesame.Grains.Interfaces.Telemetry;

namespace Sesame.Grains.AttackSignals;

/// <summary>
/// Counts a tenant's refused sign-ins in a sliding window and raises an attack signal, once per episode, when they
/// reach <see cref="AttackSignalOptions.FailedAccountsThreshold"/> distinct accounts (credential stuffing) or one client
/// IP reaches <see cref="AttackSignalOptions.ClientIpAccountsThreshold"/>: a warning with the figures, and
/// <see cref="SignInWatchMetrics.SignalsName"/>. Its figures are in memory only.
/// </summary>
[GrainType("sign-in-watch")]
[Reentrant]
internal sealed partial class SignInWatchGrain(SignInWatchMetrics metrics, IOptions<AttackSignalOptions> options, ILogger<SignInWatchGrain> logger) : Grain, ISignInWatchGrain
{
    private readonly AttackSignalOptions settings = options.Value;
    private readonly FailureWindow failures = new(options.Value.Buckets, options.Value.MaxTrackedAccounts);
    private readonly ClientIpWindows clientIps = new(options.Value.Buckets, options.Value.MaxTrackedClientIps, options.Value.MaxTrackedAccountsPerClientIp);
    private readonly SignalEpisode stuffing = new();

    private string Tenant => this.GetPrimaryKeyString();

    public Task RecordFailureAsync(string accountKey, string? clientIp, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountKey);
        var bucket = metrics.CurrentBucket;
        failures.Add(bucket, accountKey);
        if (stuffing.Starts(failures.Accounts, settings.FailedAccountsThreshold))
        {
            LogStuffingSignal(logger, Tenant, failures.Accounts, settings.Buckets, failures.Failures, settings.FailedAccountsThreshold);
            metrics.Signalled(Tenant, SignInWatchMetrics.StuffingSignal);
        }

        if (clientIp is not null)
        {
            var fromIp = clientIps.Add(clientIp, bucket, accountKey);
            if (fromIp.Episode.Starts(fromIp.Window.Accounts, settings.ClientIpAccountsThreshold))
            {
                LogClientIpSignal(logger, Tenant, clientIp, fromIp.Window.Accounts, settings.Buckets, fromIp.Window.Failures, settings.ClientIpAccountsThreshold);
                metrics.Signalled(Tenant, SignInWatchMetrics.ClientIpSignal);
            }
        }

        metrics.Publish(Tenant, failures.Snapshot());
        DelayDeactivation(settings.Window);
        return Task.CompletedTask;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        metrics.Prepare(Tenant);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.Forget(Tenant);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attack signal (credential stuffing) on tenant {Tenant}: sign-ins refused on {FailedAccounts} distinct accounts in the last {WindowMinutes} min ({Failures} refused sign-ins; threshold {Threshold} accounts).")]
    private static partial void LogStuffingSignal(ILogger logger, string tenant, int failedAccounts, int windowMinutes, int failures, int threshold);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attack signal (client IP) on tenant {Tenant}: client IP {ClientIp} refused on {FailedAccounts} distinct accounts in the last {WindowMinutes} min ({Failures} refused sign-ins; threshold {Threshold} accounts).")]
    private static partial void LogClientIpSignal(ILogger logger, string tenant, [CorrelatableData] string clientIp, int failedAccounts, int windowMinutes, int failures, int threshold);
}
