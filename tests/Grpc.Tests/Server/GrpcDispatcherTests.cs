using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using Google.Protobuf;
using Sesame.Grpc.Tests.Protos;
using Sesame.Testing;

namespace Sesame.Grpc.Tests.Server;

/// <summary>The dispatcher over real HTTP/2, byte by byte as the protocol spec describes it.</summary>
public sealed class GrpcDispatcherTests : IClassFixture<GrpcTestServer>
{
    private readonly GrpcTestServer server;

    public GrpcDispatcherTests(GrpcTestServer server) => this.server = server;

    [Fact]
    public async Task Call_ValidRequest_FramedReplyAndOkTrailer()
    {
        using var response = await server.Client.SendAsync(GrpcTestServer.Request(GrpcTestServer.EchoPath, GrpcTestServer.Frame(new EchoRequest { Text = "bonjour" })));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/grpc", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(0, body[0]);
        Assert.Equal((uint)(body.Length - 5), BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1)));
        Assert.Equal("bonjour", EchoReply.Parser.ParseFrom(body[5..]).Text);
        Assert.Equal("0", Single(response.TrailingHeaders, "grpc-status"));
    }

    [Fact]
    public async Task Call_GrpcProtoContentType_Accepted()
    {
        using var response = await server.Client.SendAsync(
            GrpcTestServer.Request(GrpcTestServer.EchoPath, GrpcTestServer.Frame(new EchoRequest { Text = "x" }), "application/grpc+proto"));
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("0", Single(response.TrailingHeaders, "grpc-status"));
    }

    [Fact]
    public async Task Call_MessageSplitAcrossDataFrames_Reassembled()
    {
        var frame = GrpcTestServer.Frame(new EchoRequest { Text = new string('a', 300) });

        using var response = await server.Client.SendAsync(GrpcTestServer.Request(GrpcTestServer.EchoPath, new ChunkedContent(frame, chunkSize: 7)));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(new string('a', 300), EchoReply.Parser.ParseFrom(body[5..]).Text);
    }

    [Fact]
    public async Task Call_UnknownMethod_TrailersOnlyUnimplemented()
    {
        using var response = await server.Client.SendAsync(GrpcTestServer.Request("/sesame.test.Echo/Nothing", GrpcTestServer.Frame([])));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(body);
        Assert.Equal("12", Single(response.Headers, "grpc-status"));
    }

    [Fact]
    public async Task Call_StreamingMethod_Unimplemented()
    {
        using var response = await server.Client.SendAsync(GrpcTestServer.Request("/sesame.test.Echo/Stream", GrpcTestServer.Frame([])));

        Assert.Equal("12", Single(response.Headers, "grpc-status"));
    }

    [Fact]
    public async Task Call_UnsupportedEncoding_UnimplementedNamingAcceptedEncodings()
    {
        var request = GrpcTestServer.Request(GrpcTestServer.EchoPath, GrpcTestServer.Frame([]));
        request.Headers.Add("grpc-encoding", "br");

        using var response = await server.Client.SendAsync(request);

        Assert.Equal("12", Single(response.Headers, "grpc-status"));
        Assert.Equal("identity,gzip,deflate", Single(response.Headers, "grpc-accept-encoding"));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    public async Task Call_CompressedMessage_Inflated(string encoding)
    {
        var compressed = Compress(encoding, new EchoRequest { Text = new string('z', 2000) }.ToByteArray());
        var request = GrpcTestServer.Request(GrpcTestServer.EchoPath, GrpcTestServer.Frame(compressed, compressed: 1));
        request.Headers.Add("grpc-encoding", encoding);

        using var response = await server.Client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(new string('z', 2000), EchoReply.Parser.ParseFrom(body[5..]).Text);
    }

    [Fact]
    public async Task Call_CompressedMessageInflatingPastLimit_ResourceExhausted()
    {
        var bomb = Compress("gzip", new byte[1024 * 1024]);
        var request = GrpcTestServer.Request(GrpcTestServer.EchoPath, GrpcTestServer.Frame(bomb, compressed: 1));
        request.Headers.Add("grpc-encoding", "gzip");

        using var response = await server.Client.SendAsync(request);

        Assert.True(bomb.Length < GrpcTestServer.MaxMessageSize);
        Assert.Equal("8", Single(response.Headers, "grpc-status"));
    }

    [Fact]
    public async Task Call_CompressedFlagWithoutEncoding_Internal()
    {
        using var response = await server.Client.SendAsync(GrpcTestServer.Request(GrpcTestServer.EchoPath, GrpcTestServer.Frame([0x0A, 0x00], compressed: 1)));

        Assert.Equal("13", Single(response.Headers, "grpc-status"));
    }

    [Fact]
    public async Task Call_FieldViolations_StatusDetailsCarryBadRequest()
    {
        using var response = await server.Client.SendAsync(GrpcTestServer.Request(GrpcTestServer.EchoPath, GrpcTestServer.Frame(new EchoRequest { FailWith = "fields" })));

        var encoded = Single(response.Headers, "grpc-status-details-bin");
        var status = Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(encoded.PadRight((encoded.Length + 3) / 4 * 4, '=')));
        var badRequest = status.Details.Single().Unpack<Google.Rpc.BadRequest>();
        Assert.Equal(3, status.Code);
        Assert.Equal(["text", "wait"], badRequest.FieldViolations.Select(violation => violation.Field));
        Assert.Equal("is required", badRequest.FieldViolations[0].Description);
    }

    [Fact]
    public async Task Call_WrongContentType_Http415()
    {
        using var response = await server.Client.SendAsync(GrpcTestServer.Request(GrpcTestServer.EchoPath, GrpcTestServer.Frame([]), "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Call_Get_Http405()
    {
        using var response = await server.Client.GetAsync(GrpcTestServer.EchoPath);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Call_MessageOverLimit_ResourceExhausted()
    {
        var frame = GrpcTestServer.Frame(new EchoRequest { Text = new string('a', GrpcTestServer.MaxMessageSize) });

        using var response = await server.Client.SendAsync(GrpcTestServer.Request(GrpcTestServer.EchoPath, frame));

        Assert.Equal("8", Single(response.Headers, "grpc-status"));
    }

    [Fact]
    public async Task Call_MalformedProtobuf_InvalidArgument()
    {
        using var response = await server.Client.SendAsync(GrpcTestServer.Request(GrpcTestServer.EchoPath, GrpcTestServer.Frame([0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F])));

        Assert.Equal("3", Single(response.Headers, "grpc-status"));
    }

    [Fact]
    public async Task Call_ServiceThrowsRpcException_StatusAndPercentEncodedMessage()
    {
        using var response = await server.Client.SendAsync(GrpcTestServer.Request(GrpcTestServer.EchoPath, GrpcTestServer.Frame(new EchoRequest { FailWith = "rpc" })));

        Assert.Equal("3", Single(response.Headers, "grpc-status"));
        Assert.Equal("donn%C3%A9es refus%C3%A9es: 100%25 faux", Single(response.Headers, "grpc-message"));
        Assert.Equal(EchoService.RpcFailure, Uri.UnescapeDataString(Single(response.Headers, "grpc-message")));
    }

    [Fact]
    public async Task Call_ServiceCrashes_InternalWithoutTheExceptionText()
    {
        using var response = await server.Client.SendAsync(GrpcTestServer.Request(GrpcTestServer.EchoPath, GrpcTestServer.Frame(new EchoRequest { FailWith = "crash" })));

        Assert.Equal("13", Single(response.Headers, "grpc-status"));
        Assert.DoesNotContain("internal detail", Single(response.Headers, "grpc-message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_ServiceThrowsAMappedException_MappedStatusAndFixedDetail()
    {
        using var response = await server.Client.SendAsync(GrpcTestServer.Request(GrpcTestServer.EchoPath, GrpcTestServer.Frame(new EchoRequest { FailWith = "unavailable" })));

        Assert.Equal("14", Single(response.Headers, "grpc-status"));
        Assert.Equal(GrpcTestServer.UnavailableDetail, Uri.UnescapeDataString(Single(response.Headers, "grpc-message")));
    }

    [Fact]
    public async Task Call_DeadlinePassesOnTheServerClock_DeadlineExceeded()
    {
        var request = GrpcTestServer.Request(GrpcTestServer.EchoPath, GrpcTestServer.Frame(new EchoRequest { Wait = true }));
        request.Headers.Add("grpc-timeout", "2S");

        // The deadline timer starts when the server has read the call, on its own thread; a clock move before that is lost.
        var timersBefore = server.Clock.PendingTimerCount;
        var pending = server.Client.SendAsync(request);
        await Eventually.TrueAsync(() => server.Clock.PendingTimerCount > timersBefore);
        server.Clock.Advance(TimeSpan.FromSeconds(2));
        using var response = await pending;

        Assert.Equal("4", Single(response.Headers, "grpc-status"));
    }

    [Fact]
    public async Task Call_MalformedTimeout_InvalidArgument()
    {
        var request = GrpcTestServer.Request(GrpcTestServer.EchoPath, GrpcTestServer.Frame(new EchoRequest()));
        request.Headers.TryAddWithoutValidation("grpc-timeout", "soon");

        using var response = await server.Client.SendAsync(request);

        Assert.Equal("3", Single(response.Headers, "grpc-status"));
    }

    [Fact]
    public async Task Call_Http11_RefusedWithoutReachingTheService()
    {
        var request = GrpcTestServer.Request(GrpcTestServer.EchoPath, GrpcTestServer.Frame(new EchoRequest { FailWith = "crash" }));
        request.Version = HttpVersion.Version11;

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("grpc-status"));
    }

    private static string Single(System.Net.Http.Headers.HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.Single() : throw new Xunit.Sdk.XunitException($"No {name} header.");

    private static byte[] Compress(string encoding, byte[] data)
    {
        using var output = new MemoryStream();
        using (Stream deflater = encoding == "gzip" ? new GZipStream(output, CompressionLevel.Optimal) : new ZLibStream(output, CompressionLevel.Optimal))
        {
            deflater.Write(data);
        }

        return output.ToArray();
    }

    private sealed class ChunkedContent(byte[] data, int chunkSize) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < data.Length; offset += chunkSize)
            {
                await stream.WriteAsync(data.AsMemory(offset, Math.Min(chunkSize, data.Length - offset)));
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
