using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sesame.Runtime;
using Sesame.Storage.AzureTable.Client;

namespace Sesame.Storage.AzureTable;

/// <summary>
/// How one grain state is laid out as one table entity.
/// <list type="bullet">
/// <item>PartitionKey: the SHA-256 (hex) of the grain type and key. Keys may hold a NIR and characters the table
/// forbids in keys (<c>/</c>, <c>#</c>…); the hash is valid in any case and keeps identifiers out of the keys, which
/// appear in request URLs and the service's logs. It is one-way: the store can be read by GrainId, not listed back to keys.</item>
/// <item>RowKey: the state name. GrainType: the grain type, so an operator can tell entities apart.</item>
/// <item>The state's bytes as Edm.Binary in <c>Data0</c>, <c>Data1</c>… of at most 64 KiB each (a property's limit),
/// their total in <c>DataLength</c>; 15 parts at most, so an entity stays under the 1 MiB entity limit.</item>
/// <item>WriteId: a random id per write, so a write retried after its reply was lost can recognise itself.</item>
/// </list>
/// </summary>
internal static class GrainStateEntity
{
    public const int PartSize = 64 * 1024;
    public const int MaxParts = 15;
    public const int MaxDataLength = PartSize * MaxParts;

    private const string DataLengthProperty = "DataLength";
    private const string WriteIdProperty = "WriteId";
    private const string GrainTypeProperty = "GrainType";

    public static string PartitionKey(GrainId grainId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{grainId.Type.Length}:{grainId.Type}{grainId.Key}")));

    public static TableEntity Create(GrainId grainId, string stateName, ReadOnlySpan<byte> data, string writeId)
    {
        var entity = new TableEntity(PartitionKey(grainId), stateName);
        entity.Properties[GrainTypeProperty] = grainId.Type;
        entity.Properties[DataLengthProperty] = data.Length;
        entity.Properties[WriteIdProperty] = writeId;
        for (var part = 0; part * PartSize < data.Length; part++)
        {
            entity.Properties[DataProperty(part)] = data.Slice(part * PartSize, Math.Min(PartSize, data.Length - (part * PartSize))).ToArray();
        }

        return entity;
    }

    public static bool IsWrittenBy(TableEntity entity, string writeId) =>
        entity.Properties.TryGetValue(WriteIdProperty, out var stored) && stored is string id && id == writeId;

    /// <summary>The state's bytes, or an <see cref="InvalidDataException"/> saying which property is missing or garbled.</summary>
    public static byte[] ReadData(TableEntity entity)
    {
        if (!entity.Properties.TryGetValue(DataLengthProperty, out var lengthValue) || lengthValue is not int length || length is < 0 or > MaxDataLength)
        {
            throw new InvalidDataException($"{DataLengthProperty} is missing or out of range");
        }

        var data = new byte[length];
        for (var part = 0; part * PartSize < length; part++)
        {
            var expected = Math.Min(PartSize, length - (part * PartSize));
            if (!entity.Properties.TryGetValue(DataProperty(part), out var value) || value is not byte[] bytes || bytes.Length != expected)
            {
                throw new InvalidDataException($"{DataProperty(part)} is missing, not binary or not {expected} bytes long");
            }

            bytes.CopyTo(data, part * PartSize);
        }

        return data;
    }

    private static string DataProperty(int part) => "Data" + part.ToString(CultureInfo.InvariantCulture);
}
