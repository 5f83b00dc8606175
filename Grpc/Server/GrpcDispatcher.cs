using System.Buffers.Binary;
using System.Globalization;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sesame.Grpc.Server;

/// <summary>Answers every request of the server as a unary gRPC call (https://github.com/grpc/grpc/blob/master/doc/PROTOCOL-HTTP2.md).</summary>
internal sealed partial class GrpcDispatcher(
    GrpcServiceRegistry registry,
    IOptions<GrpcServerOptions> options,
    IEnumerable<GrpcExceptionStatus> exceptionStatuses,
    TimeProvider time,
    ILogger<GrpcDispatcher> logger)
{
    private const string GrpcContentType = "application/grpc";
    private const string IdentityEncoding = "identity";

    private readonly int maxMessageSize = options.Value.MaxReceiveMessageSize;
    private readonly GrpcExceptionStatus[] exceptionStatuses = [.. exceptionStatuses];

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var response = http.Response;
        if (!HttpProtocol.IsHttp2(request.Protocol))
        {
            await RefuseAsync(http, StatusCodes.Status426UpgradeRequired, "gRPC requires HTTP/2.");
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            response.Headers.Allow = "POST";
            await RefuseAsync(http, StatusCodes.Status405MethodNotAllowed, "gRPC calls use POST.");
            return;
        }

        if (!IsGrpcContentType(request.ContentType))
        {
            await RefuseAsync(http, StatusCodes.Status415UnsupportedMediaType, "The content type must be application/grpc.");
            return;
        }

        var path = request.Path.Value ?? string.Empty;
        if (!registry.TryGetMethod(path, out var method))
        {
            WriteTrailersOnly(response, StatusCode.Unimplemented, $"Method {path} is not implemented by this server.");
            return;
        }

        var encoding = request.Headers["grpc-encoding"].ToString();
        if (encoding.Length > 0 && encoding != IdentityEncoding && !MessageDecompressor.IsSupported(encoding))
        {
            WriteTrailersOnly(response, StatusCode.Unimplemented, $"grpc-encoding '{encoding}' is not supported; this server accepts {MessageDecompressor.AcceptedEncodings}.");
            return;
        }

        var timeoutHeader = request.Headers["grpc-timeout"].ToString();
        TimeSpan? timeout = null;
        if (timeoutHeader.Length > 0)
        {
            if (!GrpcTimeout.TryParse(timeoutHeader, out var parsed))
            {
                WriteTrailersOnly(response, StatusCode.InvalidArgument, $"grpc-timeout '{timeoutHeader}' is malformed.");
                return;
            }

            timeout = parsed;
        }

        await HandleCallAsync(http, method, timeout, encoding);
    }

    private async Task HandleCallAsync(HttpContext http, UnaryMethod method, TimeSpan? timeout, string encoding)
    {
        using var deadlineSource = timeout is { } delay ? new CancellationTokenSource(delay, time) : null;
        using var callSource = deadlineSource is null
            ? CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted)
            : CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, deadlineSource.Token);
        var deadline = timeout is { } duration ? time.GetUtcNow() + duration : (DateTimeOffset?)null;
        try
        {
            MessageReadResult read;
            try
            {
                read = await UnaryRequestReader.ReadAsync(http.Request.BodyReader, maxMessageSize, MessageDecompressor.IsSupported(encoding), callSource.Token);
            }
            catch (IOException exception)
            {
                // The client reset the stream or the connection mid-message: there is nobody left to answer.
                LogRequestAborted(logger, exception, method.FullName);
                return;
            }

            if (read is { Succeeded: true, Compressed: true })
            {
                read = MessageDecompressor.Decompress(encoding, read.Message, maxMessageSize);
            }

            if (!read.Succeeded)
            {
                WriteTrailersOnly(http.Response, read.Status, read.Detail!);
                return;
            }

            IMessage request;
            try
            {
                request = method.Parse(read.Message);
            }
            catch (InvalidProtocolBufferException)
            {
                WriteTrailersOnly(http.Response, StatusCode.InvalidArgument, "The request message is not a valid protobuf encoding of the method's request type.");
                return;
            }

            var context = new ServerCallContext(http, method.FullName, deadline, callSource.Token);
            var reply = await method.InvokeAsync(http.RequestServices, request, context);
            WriteReply(http.Response, reply);
        }
        catch (RpcException exception)
        {
            WriteError(http.Response, exception.StatusCode, exception.Message, exception.FieldViolations);
        }
        catch (OperationCanceledException) when (deadlineSource?.IsCancellationRequested == true)
        {
            WriteError(http.Response, StatusCode.DeadlineExceeded, "The deadline passed before the call completed.");
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception exception) when (StatusOf(exception) is { } mapped)
        {
            LogHandlerFailedWith(logger, exception, method.FullName, mapped.Status);
            WriteError(http.Response, mapped.Status, mapped.Detail);
        }
        catch (Exception exception)
        {
            LogHandlerFailed(logger, exception, method.FullName);
            WriteError(http.Response, StatusCode.Internal, "The server failed while handling the call.");
        }
    }

    private GrpcExceptionStatus? StatusOf(Exception exception) =>
        Array.Find(exceptionStatuses, mapped => mapped.ExceptionType.IsInstanceOfType(exception));

    private static void WriteReply(HttpResponse response, IMessage reply)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcContentType;
        response.Headers["grpc-accept-encoding"] = MessageDecompressor.AcceptedEncodings;
        var size = reply.CalculateSize();
        var span = response.BodyWriter.GetSpan(5 + size);
        span[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)size);
        reply.WriteTo(span.Slice(5, size));
        response.BodyWriter.Advance(5 + size);
        response.AppendTrailer("grpc-status", "0");
    }

    private static void WriteError(HttpResponse response, StatusCode status, string detail, IReadOnlyList<FieldViolation>? violations = null)
    {
        var details = StatusDetails.Encode(status, detail, violations ?? []);
        if (response.HasStarted)
        {
            response.AppendTrailer("grpc-status", StatusText(status));
            response.AppendTrailer("grpc-message", GrpcMessageText.Encode(detail));
            if (details is not null)
            {
                response.AppendTrailer(StatusDetails.TrailerName, details);
            }
        }
        else
        {
            WriteTrailersOnly(response, status, detail, details);
        }
    }

    /// <summary>An error answered in one HEADERS frame that ends the stream, as the protocol's Trailers-Only form.</summary>
    private static void WriteTrailersOnly(HttpResponse response, StatusCode status, string detail, string? details = null)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcContentType;
        response.Headers["grpc-accept-encoding"] = MessageDecompressor.AcceptedEncodings;
        response.Headers["grpc-status"] = StatusText(status);
        response.Headers["grpc-message"] = GrpcMessageText.Encode(detail);
        if (details is not null)
        {
            response.Headers[StatusDetails.TrailerName] = details;
        }
    }

    private static string StatusText(StatusCode status) => ((int)status).ToString(CultureInfo.InvariantCulture);

    private static async Task RefuseAsync(HttpContext http, int httpStatus, string text)
    {
        http.Response.StatusCode = httpStatus;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(text);
    }

    private static bool IsGrpcContentType(string? contentType) =>
        contentType is not null
        && contentType.StartsWith(GrpcContentType, StringComparison.OrdinalIgnoreCase)
        && (contentType.Length == GrpcContentType.Length || contentType[GrpcContentType.Length] is '+' or ';');

    [LoggerMessage(Level = LogLevel.Debug, Message = "The request of {Method} was aborted by the client while it was read.")]
    private static partial void LogRequestAborted(ILogger logger, Exception exception, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The handler of {Method} failed; the call ends with {Status}.")]
    private static partial void LogHandlerFailedWith(ILogger logger, Exception exception, string method, StatusCode status);

    [LoggerMessage(Level = LogLevel.Error, Message = "The handler of {Method} failed.")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string method);
}
