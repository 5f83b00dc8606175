using Microsoft.Extensions.Options;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Notifications;

namespace Sesame.Grains;

[GrainType("outbox-index")]
internal sealed class OutboxIndexGrain([PersistentState("keys")] IPersistentState<KeySetState> set, IOptions<NotificationOptions> options) : Grain, IOutboxIndexGrain, IRemindable
{
    private const string ReminderName = "outbox-sweep";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Sweeps run on the grains' clock; the reminder only brings the shard back after its silo died, when this
        // activation first hands over everything listed.
        var interval = options.Value.SweepInterval;
        this.RegisterGrainTimer(_ => SweepAsync(), interval, interval);
        await this.RegisterOrUpdateReminder(ReminderName, ScheduleReminders.PeriodFor(interval), ScheduleReminders.PeriodFor(interval));
        await SweepAsync();
    }

    public async Task AddAsync(string accountKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountKey);
        if (set.State.Keys.Add(accountKey))
        {
            await set.WriteStateAsync(CancellationToken.None);
        }

        await Courier.DeliverAsync([accountKey]);
    }

    public async Task RemoveAsync(string accountKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountKey);
        if (set.State.Keys.Remove(accountKey))
        {
            await set.WriteStateAsync(CancellationToken.None);
        }
    }

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([.. set.State.Keys]);

    public Task WakeAsync(CancellationToken cancellationToken) => SweepAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private Task SweepAsync() => set.State.Keys.Count == 0 ? Task.CompletedTask : Courier.DeliverAsync([.. set.State.Keys]);

    private IOutboxCourierGrain Courier => GrainFactory.GetGrain<IOutboxCourierGrain>(this.GetPrimaryKeyString());
}
