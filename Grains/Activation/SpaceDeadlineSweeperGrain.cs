using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Telemetry;
using Sesame.Grains.Notifications;

namespace Sesame.Grains.Activation;

/// <summary>
/// Creates the spaces whose deadline passed without a decision, when it starts and every
/// <see cref="SpaceDeadlineOptions.SweepInterval"/>: it reads the deadline lists of the past
/// <see cref="SpaceDeadlineOptions.LookBack"/> and today, applies the deadline of each listed account's space, and takes
/// off the list the accounts whose space no longer waits. The space's persisted deadline is the truth; the sweep only acts on it.
/// </summary>
[GrainType("space-deadline-sweeper")]
internal sealed partial class SpaceDeadlineSweeperGrain(IOptions<SpaceDeadlineOptions> options, TimeProvider time, ILogger<SpaceDeadlineSweeperGrain> logger) : Grain, ISpaceDeadlineSweeperGrain, IRemindable
{
    /// <summary>The key of the cluster's one sweeper.</summary>
    public const string Key = "all";

    private const string ReminderName = "space-deadline-sweep";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.SweepInterval;
        this.RegisterGrainTimer(SweepAsync, interval, interval);
        await this.RegisterOrUpdateReminder(ReminderName, ScheduleReminders.PeriodFor(interval), ScheduleReminders.PeriodFor(interval));
    }

    public Task WakeAsync(CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = time.GetUtcNow();
            for (var day = now - options.Value.LookBack; day.UtcDateTime.Date <= now.UtcDateTime.Date; day += TimeSpan.FromDays(1))
            {
                var list = SpaceDeadlines.For(GrainFactory, day);
                foreach (var accountKey in await list.ListAsync(cancellationToken))
                {
                    if (await GrainFactory.GetGrain<IMemberSpaceGrain>(accountKey).ApplyDeadlineAsync(cancellationToken))
                    {
                        await list.RemoveAsync(accountKey, CancellationToken.None);
                    }
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSweepPaused(logger, RedactedException.Of(exception));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Space deadline sweep paused by a failure; the next sweep tries again.")]
    private static partial void LogSweepPaused(ILogger logger, Exception exception);
}
