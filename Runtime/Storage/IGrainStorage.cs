namespace Sesame.Runtime.Storage;

/// <summary>
/// A storage provider for grain state. Writes and deletes are conditional: <c>etag</c> null means "only if no
/// record exists", otherwise "only if the stored record has this version"; a failed condition throws
/// <see cref="InconsistentStateException"/>. Any other failure throws <see cref="GrainStorageException"/>.
/// </summary>
public interface IGrainStorage
{
    /// <summary>Reads a record, or returns null if none exists.</summary>
    Task<StoredGrainState?> ReadAsync(string stateName, GrainId grainId, CancellationToken cancellationToken);

    /// <summary>Writes a record and returns its new version.</summary>
    Task<string> WriteAsync(string stateName, GrainId grainId, ReadOnlyMemory<byte> data, string? etag, CancellationToken cancellationToken);

    /// <summary>Deletes a record.</summary>
    Task ClearAsync(string stateName, GrainId grainId, string etag, CancellationToken cancellationToken);
}
