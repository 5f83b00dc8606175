using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Sesame.Client;

/// <summary>
/// Puts the API key on every call as <c>authorization: Bearer</c> metadata (CallCredentials would need TLS; portals
/// often speak h2c to Sésame inside their network) and gives a call without a deadline the default one.
/// </summary>
internal sealed class SesameCallInterceptor(string? apiKey, TimeSpan? defaultDeadline) : Interceptor
{
    private const string AuthorizationHeader = "authorization";

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, Prepare(context));

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, Prepare(context));

    private ClientInterceptorContext<TRequest, TResponse> Prepare<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class
    {
        var options = context.Options;
        if (apiKey is not null && options.Headers?.Get(AuthorizationHeader) is null)
        {
            // A copy: the caller's metadata may be shared between calls.
            var headers = new Metadata();
            foreach (var entry in options.Headers ?? [])
            {
                headers.Add(entry);
            }

            headers.Add(AuthorizationHeader, $"Bearer {apiKey}");
            options = options.WithHeaders(headers);
        }

        if (options.Deadline is null && defaultDeadline is { } deadline)
        {
            options = options.WithDeadline(Deadlines.After(deadline));
        }

        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options);
    }
}
