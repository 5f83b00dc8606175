using System.Text.RegularExpressions;
using Sesame.Storage.AzureTable.Client;

namespace Sesame.Storage.AzureTable;

/// <summary>Where grain state is kept in Azure Table storage, and how hard a call tries before it fails.</summary>
public sealed partial class AzureTableStorageOptions
{
    /// <summary>
    /// The storage account: <c>UseDevelopmentStorage=true</c> for Azurite on its default port, or
    /// <c>DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…</c> with an optional <c>TableEndpoint</c>. Default: none; it is required.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The table, created at first use if missing: 3 to 63 letters and digits, starting with a letter. Default: <c>sesamegrains</c>.</summary>
    public string TableName { get; set; } = "sesamegrains";

    /// <summary>Retries of a transient failure (network error, timeout, 408, 429, 5xx) before a call fails. Default: 2.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first wait before a retry, doubled at each retry (with jitter). Default: 200 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long one attempt may take. Default: 5 seconds.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>What is wrong with these options, each message starting with the setting's name; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!TableConnectionString.TryParse(ConnectionString, out _, out var error))
        {
            errors.Add($"{nameof(ConnectionString)} is not a valid storage connection string: {error}");
        }

        if (!TableNamePattern().IsMatch(TableName))
        {
            errors.Add($"{nameof(TableName)} '{TableName}' must be 3 to 63 letters and digits, starting with a letter.");
        }

        if (MaxRetries is < 0 or > 10)
        {
            errors.Add($"{nameof(MaxRetries)} must be between 0 and 10.");
        }

        if (RetryDelay <= TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{nameof(RetryDelay)} must be more than 0 and at most 1 minute.");
        }

        if (NetworkTimeout <= TimeSpan.Zero || NetworkTimeout > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{nameof(NetworkTimeout)} must be more than 0 and at most 5 minutes.");
        }

        return errors;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableNamePattern();
}
