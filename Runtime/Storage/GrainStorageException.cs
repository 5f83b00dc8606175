namespace Sesame.Runtime.Storage;

/// <summary>Storage could not be reached or answered with an error other than a version conflict.</summary>
public sealed class GrainStorageException : Exception
{
    public GrainStorageException()
        : this("Grain storage is unavailable.")
    {
    }

    public GrainStorageException(string message)
        : base(message)
    {
    }

    public GrainStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
