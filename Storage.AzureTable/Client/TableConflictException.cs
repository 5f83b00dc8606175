namespace Sesame.Storage.AzureTable.Client;

/// <summary>A conditional operation failed: the entity exists (409 on insert), or is gone or has another ETag (404 or 412 on replace or delete).</summary>
internal sealed class TableConflictException(int status, string? errorCode)
    : Exception($"The entity's condition failed ({status} {errorCode}).")
{
    public int Status { get; } = status;
}
