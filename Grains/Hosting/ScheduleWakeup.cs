using Microsoft.Extensions.Hosting;
using Sesame.Grains.Activation;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Notifications;

namespace Sesame.Grains.Hosting;

/// <summary>
/// Wakes the cluster's schedules when a silo starts: the outbox shards (which deliver what was left pending at once)
/// and the space deadline sweeper. They run once per cluster whichever silo wakes them; their reminders bring them back
/// after a silo dies.
/// </summary>
internal sealed class ScheduleWakeup(IGrainFactory grains) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var shard in OutboxShards.All)
        {
            await grains.GetGrain<IOutboxIndexGrain>(shard).WakeAsync(cancellationToken);
        }

        await grains.GetGrain<ISpaceDeadlineSweeperGrain>(SpaceDeadlineSweeperGrain.Key).WakeAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
