using System.Reflection;

namespace Sesame.Runtime.Internal;

/// <summary>A grain reference: implements the grain contract and sends every call through the runtime.</summary>
internal class GrainProxy : DispatchProxy
{
    private GrainRuntime runtime = null!;
    private GrainId grainId;

    public static TGrainInterface Create<TGrainInterface>(GrainRuntime runtime, GrainId grainId)
    {
        var proxy = Create<TGrainInterface, GrainProxy>();
        var reference = (GrainProxy)(object)proxy!;
        reference.runtime = runtime;
        reference.grainId = grainId;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        GrainMethodInvoker.For(targetMethod!).Invoke(runtime, grainId, args ?? []);
}
