namespace Sesame.Silo.Configuration;

/// <summary>
/// The storage account of <see cref="StorageProvider.AzureTable"/>: Orleans keeps its cluster membership, grain state
/// and reminders there, each in a table of its own.
/// </summary>
public sealed class AzureTableOptions
{
    /// <summary>The account's connection string (for Azurite: <c>UseDevelopmentStorage=true</c> or its full form). Required.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The table of grain state: 3 to 63 letters and digits, starting with a letter. Default: <c>sesamegrains</c>.</summary>
    public string TableName { get; set; } = "sesamegrains";
}
