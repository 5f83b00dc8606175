using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Sesame.Runtime.Internal;

/// <summary>What the runtime knows of one registered grain class: its name, contract, and the states it persists.</summary>
internal sealed class GrainDescriptor
{
    private GrainDescriptor(string name, Type interfaceType, Type grainClass, IReadOnlyList<StateParameter> states)
    {
        Name = name;
        InterfaceType = interfaceType;
        GrainClass = grainClass;
        States = states;
        Factory = ActivatorUtilities.CreateFactory(grainClass, [.. states.Select(state => state.ParameterType)]);
    }

    public string Name { get; }

    public Type InterfaceType { get; }

    public Type GrainClass { get; }

    public IReadOnlyList<StateParameter> States { get; }

    public ObjectFactory Factory { get; }

    public static GrainDescriptor Create(Type interfaceType, Type grainClass)
    {
        foreach (var method in interfaceType.GetMethods().Concat(interfaceType.GetInterfaces().SelectMany(parent => parent.GetMethods())))
        {
            var returnType = method.ReturnType;
            if (returnType != typeof(Task) && !(returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>)))
            {
                throw new ArgumentException($"Grain method {interfaceType.Name}.{method.Name} must return Task or Task<T>.", nameof(interfaceType));
            }
        }

        var constructors = grainClass.GetConstructors();
        if (constructors.Length != 1)
        {
            throw new ArgumentException($"Grain class {grainClass.Name} must have exactly one public constructor.", nameof(grainClass));
        }

        var states = constructors[0].GetParameters()
            .Select(parameter => (parameter, attribute: parameter.GetCustomAttribute<PersistentStateAttribute>()))
            .Where(pair => pair.attribute is not null)
            .Select(pair => StateParameter.Create(grainClass, pair.parameter, pair.attribute!))
            .ToArray();

        var name = grainClass.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? grainClass.Name;
        return new GrainDescriptor(name, interfaceType, grainClass, states);
    }

    internal sealed record StateParameter(Type ParameterType, Type StateType, string StateName, string? StorageName)
    {
        public static StateParameter Create(Type grainClass, ParameterInfo parameter, PersistentStateAttribute attribute)
        {
            var type = parameter.ParameterType;
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new ArgumentException($"Parameter {parameter.Name} of {grainClass.Name} has [PersistentState] but is not an IPersistentState<T>.", nameof(grainClass));
            }

            return new StateParameter(type, type.GetGenericArguments()[0], attribute.StateName, attribute.StorageName);
        }
    }
}
