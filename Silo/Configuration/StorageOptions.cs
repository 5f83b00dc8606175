namespace Sesame.Silo.Configuration;

/// <summary>Where the cluster keeps its membership, grain state and reminders.</summary>
public sealed class StorageOptions
{
    /// <summary>The provider. Default: <see cref="StorageProvider.Memory"/> (one silo, on localhost).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Memory;

    /// <summary>The storage account of <see cref="StorageProvider.AzureTable"/>; read and validated only with that provider.</summary>
    public AzureTableOptions AzureTable { get; set; } = new();
}
