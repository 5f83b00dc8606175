namespace Sesame.Runtime;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/>: the runtime supplies it,
/// bound to this grain, and loads it before the grain's first call.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    /// <summary>The state's name, part of its storage key.</summary>
    public string StateName { get; } = stateName;

    /// <summary>The storage provider's name; null for the runtime's default provider.</summary>
    public string? StorageName { get; } = storageName;
}
