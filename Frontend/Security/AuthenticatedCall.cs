using Grpc.Core;
using Sesame.Grains.Interfaces;

namespace Sesame.Frontend.Security;

/// <summary>Who made a call and for which member, as <see cref="CallerInterceptor"/> found it; kept in the call's user state.</summary>
internal sealed record AuthenticatedCall(Caller Caller, CallOrigin Origin)
{
    /// <summary>The authenticated call of <paramref name="context"/>; only services behind a credential ask.</summary>
    public static AuthenticatedCall Of(ServerCallContext context) =>
        context.UserState.TryGetValue(typeof(AuthenticatedCall), out var call)
            ? (AuthenticatedCall)call
            : throw new InvalidOperationException($"{context.Method} ran without passing {nameof(CallerInterceptor)}.");

    public void AttachTo(ServerCallContext context) => context.UserState[typeof(AuthenticatedCall)] = this;
}
