namespace Sesame.Runtime.Internal;

/// <summary>A call reached an activation that was deactivated while the call waited; the runtime retries on a fresh one.</summary>
internal sealed class ActivationDeactivatedException : Exception
{
    public ActivationDeactivatedException()
        : base("The activation was deactivated.")
    {
    }
}
