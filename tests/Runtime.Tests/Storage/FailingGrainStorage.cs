using Sesame.Runtime.Storage;

namespace Sesame.Runtime.Tests.Storage;

/// <summary>In-memory storage whose writes fail with <see cref="GrainStorageException"/> while <see cref="Failing"/> is set, as during an outage.</summary>
internal sealed class FailingGrainStorage : IGrainStorage
{
    private readonly MemoryGrainStorage inner = new();

    public bool Failing { get; set; }

    public Task<StoredGrainState?> ReadAsync(string stateName, GrainId grainId, CancellationToken cancellationToken) =>
        inner.ReadAsync(stateName, grainId, cancellationToken);

    public Task<string> WriteAsync(string stateName, GrainId grainId, ReadOnlyMemory<byte> data, string? etag, CancellationToken cancellationToken) =>
        Failing ? throw new GrainStorageException() : inner.WriteAsync(stateName, grainId, data, etag, cancellationToken);

    public Task ClearAsync(string stateName, GrainId grainId, string etag, CancellationToken cancellationToken) =>
        inner.ClearAsync(stateName, grainId, etag, cancellationToken);
}
