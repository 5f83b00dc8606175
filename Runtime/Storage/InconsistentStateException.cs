namespace Sesame.Runtime.Storage;

/// <summary>A conditional write failed: storage holds a version other than the one the grain read.</summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException()
        : this("The stored state changed since it was read.")
    {
    }

    public InconsistentStateException(string message)
        : base(message)
    {
    }

    public InconsistentStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
