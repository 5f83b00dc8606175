namespace Sesame.Runtime;

/// <summary>A timer owned by one activation. Its callback runs as a turn of that activation; disposing it stops it.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Moves the next tick and the period.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
