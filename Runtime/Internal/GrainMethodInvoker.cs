using System.Collections.Concurrent;
using System.Reflection;

namespace Sesame.Runtime.Internal;

/// <summary>Turns a call on a grain reference into a turn on the grain's activation. One invoker per contract method, cached.</summary>
internal sealed class GrainMethodInvoker
{
    private static readonly ConcurrentDictionary<MethodInfo, GrainMethodInvoker> Cache = new();
    private static readonly MethodInfo InvokeTypedDefinition =
        typeof(GrainMethodInvoker).GetMethod(nameof(InvokeTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Func<GrainRuntime, GrainId, object?[], object> invoke;

    private GrainMethodInvoker(MethodInfo method)
    {
        var cancellationIndex = Array.FindIndex(method.GetParameters(), parameter => parameter.ParameterType == typeof(CancellationToken));
        if (method.ReturnType == typeof(Task))
        {
            invoke = (runtime, grainId, args) => runtime.InvokeAsync<object?>(
                grainId,
                async grain =>
                {
                    await (Task)Call(method, grain, args);
                    return null;
                },
                CancellationOf(args, cancellationIndex));
        }
        else
        {
            var typed = InvokeTypedDefinition.MakeGenericMethod(method.ReturnType.GetGenericArguments()[0]);
            invoke = typed.CreateDelegate<Func<GrainRuntime, GrainId, object?[], object>>(new TypedCall(method, cancellationIndex));
        }
    }

    public static GrainMethodInvoker For(MethodInfo method) => Cache.GetOrAdd(method, static method => new GrainMethodInvoker(method));

    public object Invoke(GrainRuntime runtime, GrainId grainId, object?[] args) => invoke(runtime, grainId, args);

    private static Task<T> InvokeTyped<T>(TypedCall call, GrainRuntime runtime, GrainId grainId, object?[] args) =>
        runtime.InvokeAsync(grainId, grain => (Task<T>)Call(call.Method, grain, args), CancellationOf(args, call.CancellationIndex));

    private static object Call(MethodInfo method, Grain grain, object?[] args) =>
        method.Invoke(grain, BindingFlags.DoNotWrapExceptions, binder: null, args, culture: null)!;

    private static CancellationToken CancellationOf(object?[] args, int index) =>
        index >= 0 && args[index] is CancellationToken token ? token : CancellationToken.None;

    private sealed record TypedCall(MethodInfo Method, int CancellationIndex);
}
