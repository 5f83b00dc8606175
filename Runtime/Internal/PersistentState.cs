using System.Text.Json;
using Sesame.Runtime.Storage;

namespace Sesame.Runtime.Internal;

internal sealed class PersistentState<TState>(string stateName, GrainId grainId, IGrainStorage storage, IGrainStateSerializer serializer)
    : IPersistentState<TState>, IStateLoader
    where TState : class, new()
{
    public TState State { get; set; } = new();

    public string? Etag { get; private set; }

    public bool RecordExists => Etag is not null;

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var stored = await storage.ReadAsync(stateName, grainId, cancellationToken);
        if (stored is null)
        {
            State = new();
            Etag = null;
            return;
        }

        try
        {
            State = serializer.Deserialize<TState>(stored.Data.Span) ?? new();
        }
        catch (JsonException exception)
        {
            throw new GrainStorageException($"The stored '{stateName}' state of {grainId} cannot be read.", exception);
        }

        Etag = stored.Etag;
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var data = serializer.Serialize(State);
        Etag = await storage.WriteAsync(stateName, grainId, data, Etag, cancellationToken);
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        if (Etag is not null)
        {
            await storage.ClearAsync(stateName, grainId, Etag, cancellationToken);
        }

        State = new();
        Etag = null;
    }
}
