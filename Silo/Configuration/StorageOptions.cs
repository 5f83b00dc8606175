using Sesame.Storage.AzureTable;

namespace Sesame.Silo.Configuration;

/// <summary>Grain state storage.</summary>
public sealed class StorageOptions
{
    /// <summary>The provider. Default: <see cref="StorageProvider.Memory"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Memory;

    /// <summary>The account and table of <see cref="StorageProvider.AzureTable"/>; read and validated only with that provider.</summary>
    public AzureTableStorageOptions AzureTable { get; set; } = new();
}
