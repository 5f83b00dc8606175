namespace Sesame.Storage.AzureTable.Client;

/// <summary>
/// One entity of a table: its keys, its version and its properties. Property values are <see cref="string"/>,
/// <see cref="int"/> (Edm.Int32), <see cref="bool"/> or <see cref="byte"/>[] (Edm.Binary); a stored value of another
/// type reads back as its JSON text.
/// </summary>
internal sealed class TableEntity(string partitionKey, string rowKey)
{
    public string PartitionKey { get; } = partitionKey;

    public string RowKey { get; } = rowKey;

    /// <summary>The stored version; null on an entity not read from the table.</summary>
    public string? ETag { get; init; }

    public Dictionary<string, object> Properties { get; } = new(StringComparer.Ordinal);
}
