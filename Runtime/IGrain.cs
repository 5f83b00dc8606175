namespace Sesame.Runtime;

/// <summary>Marker for grain contracts. Every method returns <see cref="Task"/> or <see cref="Task{TResult}"/>.</summary>
public interface IGrain;
