using Sesame.Grains.Interfaces;

namespace Sesame.Grains.Tests;

public sealed class OutboxIndexGrainTests
{
    [Fact]
    public async Task WakeAsync_Shard_RegistersTheReminderThatBringsItBackAfterItsSiloDies()
    {
        await using var host = await GrainsTestHost.StartAsync();
        var shard = host.Grains.GetGrain<IOutboxIndexGrain>("shard-03");

        await shard.WakeAsync(CancellationToken.None);

        var reminder = Assert.Single((await host.ReminderTable.ReadRows(shard.GetGrainId())).Reminders);
        Assert.Equal(("outbox-sweep", TimeSpan.FromMinutes(1)), (reminder.ReminderName, reminder.Period));
    }
}
