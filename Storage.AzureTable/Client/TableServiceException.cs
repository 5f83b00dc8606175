namespace Sesame.Storage.AzureTable.Client;

/// <summary>
/// The Table service could not be reached (after the pipeline's retries) or answered with an unexpected status.
/// The message names the status and the service's error code, never an entity's keys or properties.
/// </summary>
internal sealed class TableServiceException(int status, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The HTTP status, or 0 when no response came.</summary>
    public int Status { get; } = status;
}
