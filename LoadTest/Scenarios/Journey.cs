using Grpc.Core;

namespace Sesame.LoadTest.Scenarios;

/// <summary>
/// One member's visit: the calls of a scenario with the member's pauses between them. Each call's latency runs from
/// the time it was due (the arrival for the first, the end of the pause before it for the others), so a late start
/// counts as the server's delay, not as a gap in the load (coordinated omission).
/// </summary>
internal sealed class Journey
{
    private readonly JourneyContext context;
    private long due;

    public Journey(JourneyContext context, long due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        this.context = context;
        this.due = due;
        CancellationToken = cancellationToken;

        // Each visit comes from an address of its own (identifier lookups are budgeted per client IP, as for members).
        Origin = new Sesame.Client.CallOptions
        {
            ClientIp = $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}",
            UserAgent = context.UserAgent,
        };
    }

    public JourneyContext Context => context;

    public CancellationToken CancellationToken { get; }

    public Sesame.Client.CallOptions Origin { get; }

    /// <summary>The time spent waiting for answers, from each call's due time.</summary>
    public TimeSpan Busy { get; private set; }

    /// <summary>Makes <paramref name="call"/> and records it under <paramref name="method"/>; a gRPC error is recorded and thrown.</summary>
    public async Task<T> CallAsync<T>(string method, Func<global::Grpc.Core.CallOptions, AsyncUnaryCall<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var time = context.Time;
        try
        {
            var reply = await call(Origin.ToGrpcCallOptions(CancellationToken));
            End(method, null);
            return reply;
        }
        catch (RpcException exception)
        {
            End(method, exception.StatusCode);
            throw new JourneyCallException(method, exception);
        }

        void End(string method, StatusCode? error)
        {
            var now = time.GetTimestamp();
            var latency = time.GetElapsedTime(due, now);
            Busy += latency;
            due = now;
            context.RunRecorder.RecordCall(method, latency, error);
        }
    }

    /// <summary>The member pauses (reads, types, fetches a code): about <paramref name="mean"/>, times the run's think scale.</summary>
    public async Task ThinkAsync(TimeSpan mean)
    {
        var pause = context.Think(mean);
        due += (long)(pause.TotalSeconds * context.Time.TimestampFrequency);
        var wait = context.Time.GetElapsedTime(context.Time.GetTimestamp(), due);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, context.Time, CancellationToken);
        }
    }

    /// <summary>Starts the next call's clock now: after waiting for something other than the server (an e-mail).</summary>
    public void Restart() => due = context.Time.GetTimestamp();
}

/// <summary>A call of a journey that ended with a gRPC error: the journey ends there.</summary>
internal sealed class JourneyCallException(string method, RpcException inner) : Exception($"{method}: {inner.StatusCode}", inner)
{
    public string Method { get; } = method;

    public StatusCode StatusCode { get; } = inner.StatusCode;
}
