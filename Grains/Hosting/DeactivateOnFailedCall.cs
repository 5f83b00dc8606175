namespace Sesame.Grains.Hosting;

/// <summary>
/// Ends the activation of a Sésame grain whose call failed. Such a call may have changed the grain's state in memory
/// and then failed to store it (the storage did not answer): kept, the activation would store that change with its
/// next write, and a call that answered UNAVAILABLE would have counted after all. The next call activates the grain
/// afresh from the stored state. Orleans does this by itself only for an <c>InconsistentStateException</c>.
/// </summary>
internal sealed class DeactivateOnFailedCall : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception exception)
        {
            if (context.Grain.GetType().Assembly == typeof(DeactivateOnFailedCall).Assembly)
            {
                context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, $"A call failed ({exception.GetType().Name}); the state in memory may differ from the stored state."));
            }

            throw;
        }
    }
}
