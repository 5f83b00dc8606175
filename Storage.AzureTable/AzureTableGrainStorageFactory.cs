using Sesame.Runtime.Storage;
using Sesame.Storage.AzureTable.Client;

namespace Sesame.Storage.AzureTable;

/// <summary>Makes the Azure Table grain storage provider from its options.</summary>
public static class AzureTableGrainStorageFactory
{
    /// <summary>A provider on the table of <paramref name="options"/>; <paramref name="time"/> dates the signed requests.</summary>
    /// <exception cref="FormatException">The connection string is malformed.</exception>
    public static IGrainStorage Create(AzureTableStorageOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new TableClientOptions();
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = options.RetryDelay;
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        clientOptions.Diagnostics.ApplicationId = "sesame";
        return new AzureTableGrainStorage(new TableClient(TableConnectionString.Parse(options.ConnectionString), options.TableName, clientOptions, time));
    }
}
