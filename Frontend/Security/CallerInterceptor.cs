using System.Collections.Frozen;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Sesame.Frontend.Security;

/// <summary>
/// Checks the credential of every call on Sésame's own services once, before the method runs: the services a portal
/// calls take portal keys, the admin service back-office keys. Health and reflection need none.
/// </summary>
internal sealed class CallerInterceptor(CallerAuthenticator authenticator) : Interceptor
{
    private static readonly FrozenDictionary<string, CallerKind> KindByService = new Dictionary<string, CallerKind>(StringComparer.Ordinal)
    {
        ["sesame.v1.MemberAuth"] = CallerKind.Portal,
        ["sesame.v1.MemberRecovery"] = CallerKind.Portal,
        ["sesame.v1.MemberActivation"] = CallerKind.Portal,
        ["sesame.v1.Portal"] = CallerKind.Portal,
        ["sesame.v1.MemberAdmin"] = CallerKind.BackOffice,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, CallerKind>.AlternateLookup<ReadOnlySpan<char>> KindByServiceSpan = KindByService.GetAlternateLookup<ReadOnlySpan<char>>();

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (KindByServiceSpan.TryGetValue(ServiceOf(context.Method), out var kind))
        {
            authenticator.Authenticate(context.RequestHeaders, kind).AttachTo(context);
        }

        return continuation(request, context);
    }

    /// <summary><c>sesame.v1.MemberAuth</c> of <c>/sesame.v1.MemberAuth/Login</c>.</summary>
    private static ReadOnlySpan<char> ServiceOf(string method)
    {
        var end = method.LastIndexOf('/');
        return end > 1 ? method.AsSpan(1, end - 1) : [];
    }
}
