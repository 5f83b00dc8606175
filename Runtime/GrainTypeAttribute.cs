namespace Sesame.Runtime;

/// <summary>
/// Names a grain class. The name is part of every stored state key, so it must not change once state exists;
/// without the attribute the class name is used.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
