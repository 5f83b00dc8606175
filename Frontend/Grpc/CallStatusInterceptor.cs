using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Sesame.Grains.Interfaces.Telemetry;

namespace Sesame.Frontend.Grpc;

/// <summary>
/// The outermost step of every unary call: runs the handler under the call's <c>grpc-timeout</c> on the injected
/// clock, and turns what escapes it into the one status the caller reads. A passed deadline is DEADLINE_EXCEEDED;
/// a dependency's failure registered as an <see cref="ExceptionStatus"/> (storage unreachable, a write conflict),
/// thrown or wrapped, is its status with a fixed message; anything else is INTERNAL with no detail. Exceptions are
/// logged by type and stack trace (<see cref="RedactedException"/>: their texts may quote the request), never sent.
/// </summary>
internal sealed partial class CallStatusInterceptor(IEnumerable<ExceptionStatus> exceptionStatuses, TimeProvider time, ILogger<CallStatusInterceptor> logger) : Interceptor
{
    private const string TimeoutHeader = "grpc-timeout";

    /// <summary>Where Grpc.AspNetCore finds the HttpContext of a call whose context is not its own (ServerCallContextExtensions).</summary>
    private const string HttpContextKey = "__HttpContext";
    private readonly ExceptionStatus[] exceptionStatuses = [.. exceptionStatuses];

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var http = context.GetHttpContext();
        var timeout = ReadTimeout(http.Request.Headers[TimeoutHeader].ToString());
        using var deadlineSource = timeout is { } delay ? new CancellationTokenSource(delay, time) : null;
        try
        {
            if (deadlineSource is null)
            {
                return await continuation(request, context);
            }

            using var callSource = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, deadlineSource.Token);
            context.UserState[HttpContextKey] = http;
            return await continuation(request, new DeadlineCallContext(context, time.GetUtcNow().UtcDateTime + timeout!.Value, callSource.Token));
        }
        catch (RpcException)
        {
            throw;
        }
        catch (OperationCanceledException) when (deadlineSource?.IsCancellationRequested == true)
        {
            throw RpcErrors.Status(StatusCode.DeadlineExceeded, "The deadline passed before the call completed.");
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw RpcErrors.Status(StatusCode.Cancelled, "The call was cancelled.");
        }
        catch (Exception exception) when (ExceptionStatus.Of(exception, exceptionStatuses) is { } mapped)
        {
            LogHandlerFailedWith(logger, RedactedException.Of(exception), context.Method, mapped.Status);
            throw RpcErrors.Status(mapped.Status, mapped.Detail);
        }
        catch (Exception exception)
        {
            LogHandlerFailed(logger, RedactedException.Of(exception), context.Method);
            throw RpcErrors.Status(StatusCode.Internal, "The server failed while handling the call.");
        }
    }

    /// <summary>The call's <c>grpc-timeout</c>, which Grpc.AspNetCore keeps out of the call's metadata.</summary>
    private static TimeSpan? ReadTimeout(string header)
    {
        if (header.Length == 0)
        {
            return null;
        }

        return GrpcTimeout.TryParse(header, out var timeout)
            ? timeout
            : throw RpcErrors.Status(StatusCode.InvalidArgument, "grpc-timeout is malformed: at most 8 digits and a unit (H, M, S, m, u, n).");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The handler of {Method} failed; the call ends with {Status}.")]
    private static partial void LogHandlerFailedWith(ILogger logger, Exception exception, string method, StatusCode status);

    [LoggerMessage(Level = LogLevel.Error, Message = "The handler of {Method} failed.")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string method);
}
