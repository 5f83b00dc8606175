namespace Sesame.Runtime.Internal;

/// <summary>The part of a persistent state the runtime drives when an activation starts.</summary>
internal interface IStateLoader
{
    Task ReadStateAsync(CancellationToken cancellationToken);
}
