using Sesame.Runtime;
using Sesame.Runtime.Storage;
using Sesame.Storage.AzureTable.Client;

namespace Sesame.Storage.AzureTable;

/// <summary>
/// Grain state in one Azure Table, one entity per grain state (see <see cref="GrainStateEntity"/>). The entity's
/// ETag is the state's version: a first write inserts (an existing entity is a conflict), later writes and deletes
/// carry <c>If-Match</c>, so a replica writing on a stale version gets <see cref="InconsistentStateException"/>.
/// Anything else that fails, once the pipeline's retries are spent, is a <see cref="GrainStorageException"/> for that
/// grain only; messages name the grain as <see cref="GrainId.ToString"/> does (redacted) and its entity's keys.
/// </summary>
internal sealed class AzureTableGrainStorage(TableClient table) : IGrainStorage
{
    private readonly Lock tableGate = new();
    private Task? tableCreation;

    public async Task<StoredGrainState?> ReadAsync(string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        var entity = await CallAsync(stateName, grainId, "read", async () =>
        {
            await EnsureTableAsync(cancellationToken);
            return await table.GetAsync(GrainStateEntity.PartitionKey(grainId), stateName, cancellationToken);
        });
        if (entity is null)
        {
            return null;
        }

        try
        {
            return new StoredGrainState(GrainStateEntity.ReadData(entity), entity.ETag ?? throw new InvalidDataException("the entity has no ETag"));
        }
        catch (InvalidDataException exception)
        {
            throw new GrainStorageException(
                $"The stored '{stateName}' state of {grainId} is corrupted: {exception.Message} (table '{table.TableName}', PartitionKey '{entity.PartitionKey}', RowKey '{entity.RowKey}'). The grain cannot act until the entity is repaired or removed.",
                exception);
        }
    }

    public Task<string> WriteAsync(string stateName, GrainId grainId, ReadOnlyMemory<byte> data, string? etag, CancellationToken cancellationToken)
    {
        if (data.Length > GrainStateEntity.MaxDataLength)
        {
            throw new GrainStorageException($"The '{stateName}' state of {grainId} is {data.Length} bytes; one Azure Table entity holds at most {GrainStateEntity.MaxDataLength}.");
        }

        var writeId = Guid.NewGuid().ToString("N");
        var entity = GrainStateEntity.Create(grainId, stateName, data.Span, writeId);
        return CallAsync(stateName, grainId, "write", async () =>
        {
            await EnsureTableAsync(cancellationToken);
            try
            {
                return etag is null
                    ? await table.InsertAsync(entity, cancellationToken)
                    : await table.ReplaceAsync(entity, etag, cancellationToken);
            }
            catch (TableConflictException exception)
            {
                // A write whose reply was lost is retried by the pipeline and then meets itself: not a conflict.
                var current = await table.GetAsync(entity.PartitionKey, entity.RowKey, cancellationToken);
                if (current is { ETag: { } currentEtag } && GrainStateEntity.IsWrittenBy(current, writeId))
                {
                    return currentEtag;
                }

                throw new InconsistentStateException($"The record of {grainId} changed since it was read.", exception);
            }
        });
    }

    public Task ClearAsync(string stateName, GrainId grainId, string etag, CancellationToken cancellationToken) =>
        CallAsync(stateName, grainId, "delete", async () =>
        {
            await EnsureTableAsync(cancellationToken);
            try
            {
                await table.DeleteAsync(GrainStateEntity.PartitionKey(grainId), stateName, etag, cancellationToken);
                return true;
            }
            catch (TableConflictException exception)
            {
                throw new InconsistentStateException($"The record of {grainId} changed since it was read.", exception);
            }
        });

    private async Task<T> CallAsync<T>(string stateName, GrainId grainId, string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (TableServiceException exception)
        {
            throw new GrainStorageException($"Azure Table storage could not {operation} the '{stateName}' state of {grainId}: {exception.Message}", exception);
        }
    }

    /// <summary>Creates the table once per process; a failed attempt is forgotten, so the next call tries again.</summary>
    private Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        lock (tableGate)
        {
            if (tableCreation is null || tableCreation.IsFaulted || tableCreation.IsCanceled)
            {
                tableCreation = table.CreateTableIfNotExistsAsync(CancellationToken.None);
            }

            return tableCreation.WaitAsync(cancellationToken);
        }
    }
}
