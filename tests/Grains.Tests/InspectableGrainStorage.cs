using System.Collections.Concurrent;
using Orleans.Storage;

namespace Sesame.Grains.Tests;

/// <summary>
/// Grain storage in this process that tests can read and change behind the grains' backs, written through the silo's
/// <see cref="IGrainStorageSerializer"/> as a durable store would be; clusters that share one play a restart.
/// </summary>
internal sealed class InspectableGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), StoredRecord> records = new();
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), bool> failingWrites = new();
    private IGrainStorageSerializer? serializer;

    public int Count => records.Count;

    public IEnumerable<GrainId> GrainIds() => records.Keys.Select(key => key.GrainId);

    /// <summary>Every record's bytes.</summary>
    public IEnumerable<BinaryData> Dump() => records.Values.Select(record => record.Data);

    public StoredRecord? Find(string stateName, GrainId grainId) => records.GetValueOrDefault((stateName, grainId));

    /// <summary>Reads a record as <typeparamref name="T"/>; null if there is none.</summary>
    public T? Read<T>(string stateName, GrainId grainId)
        where T : class =>
        Find(stateName, grainId) is { } record ? Serializer.Deserialize<T>(record.Data) : null;

    /// <summary>Overwrites a record, as another process would, giving it a new ETag.</summary>
    public void Write<T>(string stateName, GrainId grainId, T state) =>
        records[(stateName, grainId)] = new StoredRecord(Serializer.Serialize(state), Guid.NewGuid().ToString("N"));

    /// <summary>Makes the next write of a record fail without writing anything, as a store out of reach would.</summary>
    public void FailNextWrite(string stateName, GrainId grainId) => failingWrites[(stateName, grainId)] = true;

    /// <summary>Takes the serializer of the first silo that uses this storage (every silo of a test has the same keys).</summary>
    public InspectableGrainStorage Attach(IGrainStorageSerializer siloSerializer)
    {
        Interlocked.CompareExchange(ref serializer, siloSerializer, null);
        return this;
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    // A cancelled call stores nothing, as Orleans' Azure Table storage does.
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (records.TryGetValue((stateName, grainId), out var record))
        {
            grainState.State = Serializer.Deserialize<T>(record.Data);
            grainState.ETag = record.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = (stateName, grainId);
        if (failingWrites.TryRemove(key, out _))
        {
            throw new IOException($"The store could not be reached to write {stateName}.");
        }

        var written = new StoredRecord(Serializer.Serialize(grainState.State), Guid.NewGuid().ToString("N"));
        var replaced = grainState.ETag is null
            ? records.TryAdd(key, written)
            : records.TryGetValue(key, out var current) && current.ETag == grainState.ETag && records.TryUpdate(key, written, current);
        if (!replaced)
        {
            throw new InconsistentStateException($"The stored {stateName} changed since it was read.", records.GetValueOrDefault(key)?.ETag, grainState.ETag);
        }

        grainState.ETag = written.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = (stateName, grainId);
        if (records.TryGetValue(key, out var current))
        {
            if (current.ETag != grainState.ETag || !records.TryRemove(new KeyValuePair<(string, GrainId), StoredRecord>(key, current)))
            {
                throw new InconsistentStateException($"The stored {stateName} changed since it was read.", current.ETag, grainState.ETag);
            }
        }

        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private IGrainStorageSerializer Serializer => serializer ?? throw new InvalidOperationException("No silo uses this storage yet.");

    public sealed record StoredRecord(BinaryData Data, string ETag);
}
