namespace Sesame.Grains.Hosting;

/// <summary>
/// Ends the activation of a Sésame grain whose call failed, so that its next call starts from a fresh read of the
/// stored state. A call changes the state in memory before storing it; when the write fails (storage unreachable, a
/// conflicting write of another replica) the caller is told the call did not complete, but Orleans keeps the activation
/// with its memory ahead of the store (or behind it, if the write landed unseen), and the next call would build on it.
/// </summary>
internal sealed class FailedCallDeactivation : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch when (context.Grain?.GetType().Assembly == typeof(FailedCallDeactivation).Assembly)
        {
            // Orleans' own grains (the in-memory storage and membership among them) keep their activations.
            context.TargetContext.Deactivate(new(DeactivationReasonCode.ApplicationError, "A call failed; the next call reads the stored state."));
            throw;
        }
    }
}
