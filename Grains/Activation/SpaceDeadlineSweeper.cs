using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sesame.Grains.Interfaces;

namespace Sesame.Grains.Activation;

/// <summary>
/// Creates the spaces whose deadline passed without a decision, at start and every
/// <see cref="SpaceDeadlineOptions.SweepInterval"/>: it reads the deadline lists of the past
/// <see cref="SpaceDeadlineOptions.LookBack"/> and today, applies each listed account's deadline, and takes off the
/// list the accounts that no longer wait. The account's persisted deadline is the truth; the sweep only acts on it.
/// </summary>
internal sealed partial class SpaceDeadlineSweeper(IGrainFactory grains, IOptions<SpaceDeadlineOptions> options, TimeProvider time, ILogger<SpaceDeadlineSweeper> logger) : BackgroundService
{
    // A sweep asked for while one waits adds nothing: ticks that come faster than sweeps are dropped.
    private readonly Channel<bool> ticks = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SweepInterval;
        using var timer = time.CreateTimer(_ => ticks.Writer.TryWrite(true), null, interval, interval);
        ticks.Writer.TryWrite(true);
        await foreach (var _ in ticks.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogStorageFailure(logger, exception);
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        for (var day = now - options.Value.LookBack; day.UtcDateTime.Date <= now.UtcDateTime.Date; day += TimeSpan.FromDays(1))
        {
            var list = SpaceDeadlines.For(grains, day);
            foreach (var accountKey in await list.ListAsync(cancellationToken))
            {
                if (await grains.GetGrain<IMemberAccountGrain>(accountKey).ApplySpaceDeadlineAsync(cancellationToken))
                {
                    await list.RemoveAsync(accountKey, CancellationToken.None);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Space deadline sweep paused by a failure; the next sweep tries again.")]
    private static partial void LogStorageFailure(ILogger logger, Exception exception);
}
