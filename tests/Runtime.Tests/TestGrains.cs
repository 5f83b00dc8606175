namespace Sesame.Runtime.Tests;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    Task<int> GetAsync();

    Task<int> GetMaxConcurrencyAsync();
}

public interface IProbeGrain : IGrainWithStringKey
{
    Task<Guid> GetActivationIdAsync();

    Task<string> WaitForAsync(Task release, CancellationToken cancellationToken);

    Task FailAsync(string message);
}

public interface IStoredCounterGrain : IGrainWithStringKey
{
    Task<int> AddAsync(int amount);

    Task<int> GetAsync();

    Task<Guid> GetActivationIdAsync();

    Task StartTickingAsync(TimeSpan dueTime, TimeSpan period);
}

public sealed class CounterState
{
    public int Value { get; set; }
}

internal sealed class CounterGrain : Grain, ICounterGrain
{
    private int value;
    private int running;
    private int maxConcurrency;

    public async Task<int> IncrementAsync()
    {
        var concurrent = Interlocked.Increment(ref running);
        maxConcurrency = Math.Max(maxConcurrency, concurrent);
        var read = value;
        await Task.Yield();
        value = read + 1;
        Interlocked.Decrement(ref running);
        return value;
    }

    public Task<int> GetAsync() => Task.FromResult(value);

    public Task<int> GetMaxConcurrencyAsync() => Task.FromResult(maxConcurrency);
}

internal sealed class ProbeGrain : Grain, IProbeGrain
{
    private readonly Guid activationId = Guid.NewGuid();

    public Task<Guid> GetActivationIdAsync() => Task.FromResult(activationId);

    public async Task<string> WaitForAsync(Task release, CancellationToken cancellationToken)
    {
        await release.WaitAsync(cancellationToken);
        return GetPrimaryKeyString();
    }

    public Task FailAsync(string message) => throw new InvalidOperationException(message);
}

[GrainType("stored-counter")]
internal sealed class StoredCounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter) : Grain, IStoredCounterGrain
{
    private readonly Guid activationId = Guid.NewGuid();

    public async Task<int> AddAsync(int amount)
    {
        counter.State.Value += amount;
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public Task<int> GetAsync() => Task.FromResult(counter.State.Value);

    public Task<Guid> GetActivationIdAsync() => Task.FromResult(activationId);

    public Task StartTickingAsync(TimeSpan dueTime, TimeSpan period)
    {
        RegisterGrainTimer(_ => AddAsync(1), dueTime, period);
        return Task.CompletedTask;
    }
}
