namespace Sesame.Runtime;

/// <summary>
/// State of a grain kept in a storage provider. It is read when the grain activates and written only when the grain
/// asks. A write made on a stale <see cref="Etag"/> throws <see cref="Storage.InconsistentStateException"/>.
/// </summary>
public interface IPersistentState<TState>
    where TState : class, new()
{
    /// <summary>The current state; a new <typeparamref name="TState"/> while nothing is stored.</summary>
    TState State { get; set; }

    /// <summary>The version of the stored record this state was read from or last written as; null if none.</summary>
    string? Etag { get; }

    /// <summary>Whether a record exists in storage.</summary>
    bool RecordExists { get; }

    /// <summary>Reloads the state from storage, discarding unsaved changes.</summary>
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes the state, on the condition that storage still holds the version last read or written.</summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the stored record, on the same condition, and resets the state.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
