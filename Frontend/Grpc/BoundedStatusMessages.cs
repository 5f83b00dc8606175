using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Sesame.Frontend.Grpc;

/// <summary>
/// Keeps every <c>grpc-message</c> the endpoint sends short and telling. A message built from what a client sent
/// (a header value, a service name) is cut at <see cref="MaxLength"/> characters, so an error never outgrows the
/// peer's header limits and costs it the connection; and Grpc.AspNetCore's receive-limit message names the limit.
/// Errors of unary calls come before any reply, in the Trailers-Only form, so the headers are where they are.
/// </summary>
internal static class BoundedStatusMessages
{
    public const int MaxLength = 1024;
    private const string StatusHeader = "grpc-status";
    private const string MessageHeader = "grpc-message";
    private const string ResourceExhausted = "8";
    private const string FrameworkReceiveLimitMessage = "Received message exceeds the maximum configured message size.";

    public static IApplicationBuilder UseBoundedGrpcStatusMessages(this IApplicationBuilder app, int maxReceiveMessageSize)
    {
        var receiveLimitMessage = $"The request message is over the largest accepted, {maxReceiveMessageSize} bytes (after inflating, if compressed).";
        Func<object, Task> bound = state =>
        {
            Bound(((HttpResponse)state).Headers, receiveLimitMessage);
            return Task.CompletedTask;
        };
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(bound, context.Response);
            return next(context);
        });
    }

    internal static void Bound(IHeaderDictionary headers, string receiveLimitMessage)
    {
        var message = headers[MessageHeader].ToString();
        if (message.Length == 0)
        {
            return;
        }

        if (message == FrameworkReceiveLimitMessage && headers[StatusHeader] == ResourceExhausted)
        {
            headers[MessageHeader] = receiveLimitMessage;
        }
        else if (message.Length > MaxLength)
        {
            // The value is percent-encoded: never cut inside a %XX escape.
            var cut = MaxLength;
            var escape = message.LastIndexOf('%', cut - 1, 2);
            if (escape >= 0)
            {
                cut = escape;
            }

            headers[MessageHeader] = message[..cut] + "...";
        }
    }
}
