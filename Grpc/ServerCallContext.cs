using Microsoft.AspNetCore.Http;

namespace Sesame.Grpc;

/// <summary>What a service method knows of the call beyond its request message.</summary>
public sealed class ServerCallContext
{
    internal ServerCallContext(HttpContext httpContext, string method, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        HttpContext = httpContext;
        Method = method;
        Deadline = deadline;
        CancellationToken = cancellationToken;
    }

    /// <summary>The full method name, <c>/package.Service/Method</c>.</summary>
    public string Method { get; }

    /// <summary>When the client stops waiting, from <c>grpc-timeout</c>; null if it set none.</summary>
    public DateTimeOffset? Deadline { get; }

    /// <summary>Cancelled when the deadline passes or the client goes away.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The call's metadata.</summary>
    public IHeaderDictionary RequestHeaders => HttpContext.Request.Headers;

    public HttpContext HttpContext { get; }
}
