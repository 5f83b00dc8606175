using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Sesame.Frontend.Grpc;

/// <summary>
/// A client that reaches the endpoint without HTTP/2 (possible over TLS, where HTTP/1.1 stays on so it is answered
/// rather than reset) hears why: 426 with a line of text, where Grpc.AspNetCore would answer with an empty body.
/// </summary>
internal static class Http2Required
{
    public static IApplicationBuilder UseHttp2Required(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (HttpProtocol.IsHttp2(context.Request.Protocol) || HttpProtocol.IsHttp3(context.Request.Protocol))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("gRPC requires HTTP/2.");
    });
}
