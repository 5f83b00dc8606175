using System.Collections.Frozen;
using System.Reflection;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Sesame.Grpc.Server;

/// <summary>
/// The unary methods this server answers, by path. A service class implements a proto service by having, for each
/// unary method <c>M</c>, a public <c>Task&lt;TReply&gt; MAsync(TRequest, ServerCallContext)</c>.
/// </summary>
public sealed class GrpcServiceRegistry
{
    private static readonly MethodInfo BindDefinition = typeof(GrpcServiceRegistry).GetMethod(nameof(Bind), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Dictionary<string, UnaryMethod> pending = new(StringComparer.Ordinal);
    private readonly HashSet<string> services = new(StringComparer.Ordinal);
    private FrozenDictionary<string, UnaryMethod>? methods;

    /// <summary>The full names of the services served, such as <c>sesame.v1.MemberAuth</c>.</summary>
    public IReadOnlySet<string> ServiceNames => services;

    internal void Add<TService>(ServiceDescriptor descriptor)
        where TService : class
    {
        if (methods is not null)
        {
            throw new InvalidOperationException("Services must be added before the server starts.");
        }

        services.Add(descriptor.FullName);
        foreach (var method in descriptor.Methods.Where(method => !method.IsClientStreaming && !method.IsServerStreaming))
        {
            var implementation = typeof(TService).GetMethod(method.Name + "Async", [method.InputType.ClrType, typeof(ServerCallContext)]);
            if (implementation is null || implementation.ReturnType != typeof(Task<>).MakeGenericType(method.OutputType.ClrType))
            {
                throw new InvalidOperationException(
                    $"{typeof(TService).Name} must implement {descriptor.FullName}/{method.Name} as Task<{method.OutputType.ClrType.Name}> {method.Name}Async({method.InputType.ClrType.Name}, ServerCallContext).");
            }

            var bind = BindDefinition.MakeGenericMethod(typeof(TService), method.InputType.ClrType, method.OutputType.ClrType);
            var handler = (Func<IServiceProvider, IMessage, ServerCallContext, Task<IMessage>>)bind.Invoke(null, [implementation])!;
            var unary = new UnaryMethod(method, handler);
            pending.Add(unary.FullName, unary);
        }
    }

    internal void Freeze() => methods ??= pending.ToFrozenDictionary(StringComparer.Ordinal);

    internal bool TryGetMethod(string path, out UnaryMethod method)
    {
        if (methods is null)
        {
            throw new InvalidOperationException("The registry is read only once the server has started.");
        }

        return methods.TryGetValue(path, out method!);
    }

    private static Func<IServiceProvider, IMessage, ServerCallContext, Task<IMessage>> Bind<TService, TRequest, TReply>(MethodInfo implementation)
        where TService : class
        where TRequest : IMessage
        where TReply : IMessage
    {
        var call = implementation.CreateDelegate<Func<TService, TRequest, ServerCallContext, Task<TReply>>>();
        return async (services, request, context) => await call(services.GetRequiredService<TService>(), (TRequest)request, context);
    }
}
