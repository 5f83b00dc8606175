using System.Collections.Concurrent;
using System.Globalization;

namespace Sesame.Runtime.Storage;

/// <summary>Keeps grain state in process memory; for development and tests. Conditional writes behave as in durable storage.</summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), StoredGrainState> records = new();
    private long lastVersion;

    /// <summary>Number of records held, for diagnostics.</summary>
    public int Count => records.Count;

    /// <summary>The bytes of every record held, for tests that check what is (not) stored.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Dump() => records.Values.Select(record => record.Data);

    /// <summary>The grain ids of every record held, for tests that check what the keys show.</summary>
    public IEnumerable<GrainId> GrainIds() => records.Keys.Select(key => key.GrainId);

    public Task<StoredGrainState?> ReadAsync(string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(records.TryGetValue((stateName, grainId), out var record) ? record : null);
    }

    public Task<string> WriteAsync(string stateName, GrainId grainId, ReadOnlyMemory<byte> data, string? etag, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = (stateName, grainId);
        var written = new StoredGrainState(data.ToArray(), NextVersion());
        if (etag is null)
        {
            if (!records.TryAdd(key, written))
            {
                throw new InconsistentStateException($"A record already exists for {grainId}.");
            }
        }
        else if (!records.TryGetValue(key, out var current) || current.Etag != etag || !records.TryUpdate(key, written, current))
        {
            throw new InconsistentStateException($"The record of {grainId} changed since it was read.");
        }

        return Task.FromResult(written.Etag);
    }

    public Task ClearAsync(string stateName, GrainId grainId, string etag, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = (stateName, grainId);
        if (!records.TryGetValue(key, out var current) || current.Etag != etag || !records.TryRemove(new KeyValuePair<(string, GrainId), StoredGrainState>(key, current)))
        {
            throw new InconsistentStateException($"The record of {grainId} changed since it was read.");
        }

        return Task.CompletedTask;
    }

    private string NextVersion() => Interlocked.Increment(ref lastVersion).ToString(CultureInfo.InvariantCulture);
}
