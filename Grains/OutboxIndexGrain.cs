using Microsoft.Extensions.Options;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Notifications;

namespace Sesame.Grains;

[GrainType("outbox-index")]
internal sealed class OutboxIndexGrain([PersistentState("keys")] IPersistentState<KeySetState> set, IOptions<NotificationOptions> options) : KeySetGrain(set), IOutboxIndexGrain, IRemindable
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

    public override async Task AddAsync(string key, CancellationToken cancellationToken)
    {
        await base.AddAsync(key, cancellationToken);
        await Courier.DeliverAsync([key]);
    }

    public Task WakeAsync(CancellationToken cancellationToken) => SweepAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private Task SweepAsync() => Keys.Count == 0 ? Task.CompletedTask : Courier.DeliverAsync([.. Keys]);

    private IOutboxCourierGrain Courier => GrainFactory.GetGrain<IOutboxCourierGrain>(this.GetPrimaryKeyString());
}
