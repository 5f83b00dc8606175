using Azure.Core;

namespace Sesame.Storage.AzureTable.Client;

/// <summary>The Azure.Core pipeline options of <see cref="TableClient"/>: retries, network timeout, diagnostics and transport.</summary>
internal sealed class TableClientOptions : ClientOptions
{
}
