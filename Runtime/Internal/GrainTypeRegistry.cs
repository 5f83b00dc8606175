namespace Sesame.Runtime.Internal;

internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainDescriptor> byInterface = [];
    private readonly Dictionary<string, GrainDescriptor> byName = new(StringComparer.Ordinal);

    public void Add(GrainDescriptor descriptor)
    {
        if (byInterface.ContainsKey(descriptor.InterfaceType) || byName.ContainsKey(descriptor.Name))
        {
            throw new ArgumentException($"Grain {descriptor.Name} ({descriptor.InterfaceType.Name}) is registered twice.", nameof(descriptor));
        }

        byInterface.Add(descriptor.InterfaceType, descriptor);
        byName.Add(descriptor.Name, descriptor);
    }

    public GrainDescriptor GetByInterface(Type interfaceType) =>
        byInterface.TryGetValue(interfaceType, out var descriptor)
            ? descriptor
            : throw new ArgumentException($"No grain implements {interfaceType.Name}; register one with AddGrain.", nameof(interfaceType));

    public GrainDescriptor GetByName(string name) => byName[name];
}
