using System.ComponentModel.DataAnnotations;

namespace Sesame.Silo.Configuration;

/// <summary>
/// The storage account of <see cref="StorageProvider.AzureTable"/>: Orleans keeps its cluster membership, grain state
/// and reminders there, each in a table of its own.
/// </summary>
public sealed class AzureTableOptions
{
    /// <summary>The account's connection string (for Azurite: <c>UseDevelopmentStorage=true</c> or its full form). Required.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The table of grain state. Default: <c>sesamegrains</c>.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "TableName must be 3 to 63 letters and digits, starting with a letter.")]
    public string TableName { get; set; } = "sesamegrains";
}
