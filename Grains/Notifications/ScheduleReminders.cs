namespace Sesame.Grains.Notifications;

/// <summary>The period of the reminders that bring a scheduling grain back after its silo died.</summary>
internal static class ScheduleReminders
{
    /// <summary>Orleans refuses reminders more frequent than once a minute.</summary>
    public static readonly TimeSpan MinimumPeriod = TimeSpan.FromMinutes(1);

    /// <summary>The reminder's period for a schedule that sweeps every <paramref name="sweepInterval"/>.</summary>
    public static TimeSpan PeriodFor(TimeSpan sweepInterval) => sweepInterval > MinimumPeriod ? sweepInterval : MinimumPeriod;
}
