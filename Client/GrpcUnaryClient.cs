using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Google.Rpc;
using Sesame.Grpc;

namespace Sesame.Client;

/// <summary>
/// Makes unary gRPC calls over an <see cref="HttpClient"/> speaking HTTP/2. A call ends with the reply, or throws
/// <see cref="RpcException"/> with the server's status, message and field violations.
/// </summary>
public sealed class GrpcUnaryClient(HttpClient http, string? apiKey = null, TimeProvider? time = null)
{
    private readonly TimeProvider time = time ?? TimeProvider.System;

    private const string GrpcContentType = "application/grpc";

    public async Task<TReply> CallAsync<TReply>(string path, IMessage request, MessageParser<TReply> parser, CallOptions? options = null, CancellationToken cancellationToken = default)
        where TReply : IMessage<TReply>
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parser);
        options ??= new CallOptions();
        using var timer = options.Timeout is { } timeout ? new CancellationTokenSource(timeout, time) : new CancellationTokenSource();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);

        using var message = BuildRequest(path, request, options);
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            return await ReadReplyAsync(response, parser, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RpcException(StatusCode.DeadlineExceeded, "The deadline passed before the server answered.");
        }
        catch (HttpRequestException exception)
        {
            throw new RpcException(StatusCode.Unavailable, $"The server could not be reached: {exception.Message}");
        }
    }

    private HttpRequestMessage BuildRequest(string path, IMessage request, CallOptions options)
    {
        var size = request.CalculateSize();
        var body = new byte[5 + size];
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(1), (uint)size);
        request.WriteTo(body.AsSpan(5));
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(GrpcContentType);
        var message = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        message.Headers.TryAddWithoutValidation("te", "trailers");
        if (apiKey is not null)
        {
            message.Headers.TryAddWithoutValidation("authorization", $"Bearer {apiKey}");
        }

        if (options.Timeout is { } timeout)
        {
            message.Headers.TryAddWithoutValidation("grpc-timeout", FormatTimeout(timeout));
        }

        if (options.ClientIp is { } clientIp)
        {
            message.Headers.TryAddWithoutValidation("sesame-client-ip", clientIp);
        }

        if (options.UserAgent is { } userAgent)
        {
            message.Headers.TryAddWithoutValidation("sesame-client-user-agent", userAgent);
        }

        foreach (var (name, value) in options.Metadata)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    private static async Task<TReply> ReadReplyAsync<TReply>(HttpResponseMessage response, MessageParser<TReply> parser, CancellationToken cancellationToken)
        where TReply : IMessage<TReply>
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new RpcException(FromHttpStatus(response.StatusCode), $"The server answered HTTP {(int)response.StatusCode} instead of a gRPC response.");
        }

        // Trailers-Only: the status comes with the headers and there is no body.
        ThrowIfError(response.Headers);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        ThrowIfError(response.TrailingHeaders);
        if (!response.TrailingHeaders.Contains("grpc-status"))
        {
            throw new RpcException(StatusCode.Internal, "The response ended without a grpc-status.");
        }

        if (body.Length < 5 || BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1)) != body.Length - 5 || body[0] != 0)
        {
            throw new RpcException(StatusCode.Internal, "The response is not one uncompressed gRPC message.");
        }

        return parser.ParseFrom(body.AsSpan(5));
    }

    private static void ThrowIfError(HttpHeaders headers)
    {
        if (!headers.TryGetValues("grpc-status", out var statusValues))
        {
            return;
        }

        var code = int.TryParse(statusValues.First(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? (StatusCode)parsed : StatusCode.Unknown;
        if (code == StatusCode.OK)
        {
            return;
        }

        var detail = headers.TryGetValues("grpc-message", out var messages) ? Uri.UnescapeDataString(messages.First()) : string.Empty;
        throw new RpcException(code, detail, ReadFieldViolations(headers));
    }

    private static FieldViolation[] ReadFieldViolations(HttpHeaders headers)
    {
        if (!headers.TryGetValues("grpc-status-details-bin", out var values))
        {
            return [];
        }

        var encoded = values.First();
        var status = Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(encoded.PadRight((encoded.Length + 3) / 4 * 4, '=')));
        return status.Details.Where(detail => detail.Is(BadRequest.Descriptor))
            .SelectMany(detail => detail.Unpack<BadRequest>().FieldViolations)
            .Select(violation => new FieldViolation(violation.Field, violation.Description))
            .ToArray();
    }

    /// <summary>The mapping of https://github.com/grpc/grpc/blob/master/doc/http-grpc-status-mapping.md.</summary>
    private static StatusCode FromHttpStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => StatusCode.Internal,
        HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
        HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
        HttpStatusCode.NotFound => StatusCode.Unimplemented,
        HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    private static string FormatTimeout(TimeSpan timeout)
    {
        var milliseconds = Math.Max(1, (long)Math.Ceiling(timeout.TotalMilliseconds));
        return milliseconds < 100_000_000
            ? milliseconds.ToString(CultureInfo.InvariantCulture) + "m"
            : Math.Min(99_999_999, (long)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "S";
    }
}
