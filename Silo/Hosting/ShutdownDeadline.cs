namespace Sesame.Silo.Hosting;

/// <summary>
/// Ends the process <see cref="Limit"/> after the stop signal (SIGTERM, Ctrl+C) if its graceful stop has not ended
/// by then. Orleans ends a silo by writing its status into the membership table, and when the table cannot be reached
/// it keeps trying whatever the host's shutdown timeout: up to <c>MaxJoinAttemptTime</c> (5 minutes) for
/// "shutting down" or "stopping", then up to a minute for "dead". With Azure storage down a silo took over two
/// minutes to stop, where service managers give 30 s. Past the limit the process exits with code 1; the other silos
/// find it gone by their probes, as after a crash.
/// </summary>
internal sealed partial class ShutdownDeadline(IHostApplicationLifetime lifetime, TimeProvider time, ILogger<ShutdownDeadline> logger) : IHostedService, IDisposable
{
    /// <summary>How long a stop may take: below the 30 s of a service manager's grace period (Kubernetes, systemd's default 90 s).</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(25);

    /// <summary>
    /// The host's shutdown timeout, before <see cref="Limit"/>: then Orleans stops waiting for grains to deactivate
    /// and ends the silo ungracefully, which is all it can do on its own.
    /// </summary>
    public static readonly TimeSpan HostShutdownTimeout = TimeSpan.FromSeconds(20);

    private readonly Lock gate = new();
    private CancellationTokenRegistration stopping;
    private CancellationTokenRegistration stopped;
    private ITimer? deadline;
    private bool ended;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        stopping = lifetime.ApplicationStopping.Register(Arm);
        stopped = lifetime.ApplicationStopped.Register(Disarm);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        stopping.Dispose();
        stopped.Dispose();
        Disarm();
    }

    private void Arm()
    {
        lock (gate)
        {
            if (!ended)
            {
                deadline ??= time.CreateTimer(_ => Expire(), null, Limit, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>The host has stopped (or is disposed), so the process ends as it should; a host stopped in a test leaves no timer behind.</summary>
    private void Disarm()
    {
        lock (gate)
        {
            ended = true;
            deadline?.Dispose();
            deadline = null;
        }
    }

    private void Expire()
    {
        lock (gate)
        {
            if (ended)
            {
                return;
            }
        }

        LogStopTooLong(logger, Limit.TotalSeconds);
        Environment.Exit(1);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The silo has not stopped {Seconds} s after the stop signal (is the membership table reachable?); the process exits now.")]
    private static partial void LogStopTooLong(ILogger logger, double seconds);
}
