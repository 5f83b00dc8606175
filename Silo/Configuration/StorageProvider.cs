namespace Sesame.Silo.Configuration;

/// <summary>Where grain state is kept.</summary>
public enum StorageProvider
{
    /// <summary>Process memory: lost when the process ends. For development and tests.</summary>
    Memory = 0,

    /// <summary>Azure Table storage (or Azurite), shared by every replica: see <see cref="StorageOptions.AzureTable"/>.</summary>
    AzureTable = 1,
}
