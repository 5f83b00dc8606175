namespace Sesame.Silo.Configuration;

/// <summary>Grain state storage.</summary>
public sealed class StorageOptions
{
    /// <summary>The provider. Default: <see cref="StorageProvider.Memory"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Memory;
}
