using Sesame.Runtime.Storage;
using Sesame.Runtime.Tests.Storage;
using Sesame.Testing;

namespace Sesame.Runtime.Tests;

public sealed class GrainRuntimeTests
{
    [Fact]
    public async Task InvokeAsync_ThousandConcurrentCallsOnOneGrain_RunOneAtATime()
    {
        await using var runtime = new TestRuntime();
        var grain = runtime.Grains.GetGrain<ICounterGrain>(NewKey());

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(grain.IncrementAsync)));

        Assert.Equal(1000, await grain.GetAsync());
        Assert.Equal(1, await grain.GetMaxConcurrencyAsync());
        Assert.Equal(Enumerable.Range(1, 1000), results.Order());
    }

    [Fact]
    public async Task InvokeAsync_CallsOnDifferentGrains_Overlap()
    {
        await using var runtime = new TestRuntime();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = runtime.Grains.GetGrain<IProbeGrain>(NewKey());
        var second = runtime.Grains.GetGrain<IProbeGrain>(NewKey());

        var blocked = first.WaitForAsync(release.Task, CancellationToken.None);
        var other = await second.WaitForAsync(Task.CompletedTask, CancellationToken.None);

        Assert.False(blocked.IsCompleted);
        Assert.NotEmpty(other);
        release.SetResult();
        await blocked;
    }

    [Fact]
    public async Task InvokeAsync_CancelledWhileWaitingForTurn_ThrowsAndLeavesGrainUsable()
    {
        await using var runtime = new TestRuntime();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var grain = runtime.Grains.GetGrain<IProbeGrain>(NewKey());
        using var cancellation = new CancellationTokenSource();
        var first = grain.WaitForAsync(release.Task, CancellationToken.None);

        var waiting = grain.WaitForAsync(Task.CompletedTask, cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        release.SetResult();
        await first;
        Assert.NotEqual(Guid.Empty, await grain.GetActivationIdAsync());
    }

    [Fact]
    public async Task InvokeAsync_GrainThrows_ExceptionReachesCallerAndActivationStaysUsable()
    {
        await using var runtime = new TestRuntime();
        var grain = runtime.Grains.GetGrain<IProbeGrain>(NewKey());
        var before = await grain.GetActivationIdAsync();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.FailAsync("boom"));

        Assert.Equal("boom", exception.Message);
        Assert.Equal(before, await grain.GetActivationIdAsync());
    }

    [Fact]
    public async Task GetGrain_UnregisteredContract_Throws()
    {
        await using var runtime = new TestRuntime();

        Assert.Throws<ArgumentException>(() => runtime.Grains.GetGrain<IUnregisteredGrain>("key"));
    }

    [Fact]
    public async Task GetGrain_EmptyKey_Throws()
    {
        await using var runtime = new TestRuntime();

        Assert.Throws<ArgumentException>(() => runtime.Grains.GetGrain<IProbeGrain>(string.Empty));
    }

    [Fact]
    public async Task Collection_IdleLongerThanCollectionAge_DeactivatesAndStateSurvivesReactivation()
    {
        await using var runtime = new TestRuntime();
        var grain = runtime.Grains.GetGrain<IStoredCounterGrain>(NewKey());
        await grain.AddAsync(5);
        var firstActivation = await grain.GetActivationIdAsync();

        runtime.Time.Advance(TimeSpan.FromMinutes(11));
        await Eventually.TrueAsync(() => runtime.Runtime.ActivationCount == 0);

        Assert.Equal(5, await grain.GetAsync());
        Assert.NotEqual(firstActivation, await grain.GetActivationIdAsync());
    }

    [Fact]
    public async Task Collection_ActivationUsedRecently_StaysActive()
    {
        await using var runtime = new TestRuntime();
        var grain = runtime.Grains.GetGrain<IStoredCounterGrain>(NewKey());
        var firstActivation = await grain.GetActivationIdAsync();

        runtime.Time.Advance(TimeSpan.FromMinutes(6));
        await grain.AddAsync(1);
        runtime.Time.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(firstActivation, await grain.GetActivationIdAsync());
    }

    [Fact]
    public async Task RegisterGrainTimer_FakeTimeMoves_TicksRunAsTurns()
    {
        await using var runtime = new TestRuntime();
        var grain = runtime.Grains.GetGrain<IStoredCounterGrain>(NewKey());
        await grain.StartTickingAsync(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));

        runtime.Time.Advance(TimeSpan.FromSeconds(29));
        var beforeDue = await grain.GetAsync();
        runtime.Time.Advance(TimeSpan.FromSeconds(61));
        var afterThreeTicks = await grain.GetAsync();

        Assert.Equal(0, beforeDue);
        Assert.Equal(3, afterThreeTicks);
    }

    [Fact]
    public async Task RegisterGrainTimer_ActivationCollected_TimerStops()
    {
        await using var runtime = new TestRuntime();
        var grain = runtime.Grains.GetGrain<IStoredCounterGrain>(NewKey());
        await grain.StartTickingAsync(TimeSpan.FromHours(1), TimeSpan.FromHours(1));

        runtime.Time.Advance(TimeSpan.FromMinutes(11));
        await Eventually.TrueAsync(() => runtime.Runtime.ActivationCount == 0);
        runtime.Time.Advance(TimeSpan.FromHours(2));

        Assert.Equal(0, await grain.GetAsync());
    }

    [Fact]
    public async Task WriteStateAsync_StaleEtagFromAnotherReplica_FailsAndNextCallSeesReloadedState()
    {
        var storage = new MemoryGrainStorage();
        await using var replicaA = new TestRuntime(storage: storage);
        await using var replicaB = new TestRuntime(storage: storage);
        var key = NewKey();
        var onA = replicaA.Grains.GetGrain<IStoredCounterGrain>(key);
        var onB = replicaB.Grains.GetGrain<IStoredCounterGrain>(key);
        await onA.AddAsync(1);
        await onB.AddAsync(10);

        await Assert.ThrowsAsync<InconsistentStateException>(() => onA.AddAsync(100));

        Assert.Equal(11, await onA.GetAsync());
        Assert.Equal(111, await onA.AddAsync(100));
        await Assert.ThrowsAsync<InconsistentStateException>(() => onB.AddAsync(0));
        Assert.Equal(111, await onB.GetAsync());
    }

    [Fact]
    public async Task WriteStateAsync_StorageFails_NextCallStartsFromTheStoredState()
    {
        var storage = new FailingGrainStorage();
        await using var runtime = new TestRuntime(storage: storage);
        var grain = runtime.Grains.GetGrain<IStoredCounterGrain>(NewKey());
        await grain.AddAsync(1);
        storage.Failing = true;

        await Assert.ThrowsAsync<GrainStorageException>(() => grain.AddAsync(10));
        storage.Failing = false;

        Assert.Equal(1, await grain.GetAsync());
        Assert.Equal(2, await grain.AddAsync(1));
    }

    [Fact]
    public async Task DisposeAsync_ActiveGrains_AreDeactivated()
    {
        var runtime = new TestRuntime();
        await runtime.Grains.GetGrain<IProbeGrain>(NewKey()).GetActivationIdAsync();

        await runtime.DisposeAsync();

        Assert.Equal(0, runtime.Runtime.ActivationCount);
    }

    private static string NewKey() => $"test/{Guid.NewGuid():N}";

    public interface IUnregisteredGrain : IGrainWithStringKey
    {
        Task PingAsync();
    }
}
