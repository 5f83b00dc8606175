using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>The gRPC protocol as a stock client sees it.</summary>
[Collection(ServerCollection.Name)]
public sealed class ProtocolInteropTests(SesameServerFixture fixture)
{
    private SesameServer server => fixture.Server;

    [Fact]
    public async Task HealthCheck_Server_Serving()
    {
        var result = await server.Client.CallAsync("grpc.health.v1.Health/Check", new { service = "" });

        Assert.Equal(0, result.Code);
        Assert.Equal("SERVING", result.Field("status"));
    }

    [Fact]
    public async Task HealthCheck_ServedService_Serving()
    {
        var result = await server.Client.CallAsync("grpc.health.v1.Health/Check", new { service = "sesame.v1.MemberAuth" });

        Assert.Equal("SERVING", result.Field("status"));
    }

    [Fact]
    public async Task HealthCheck_UnknownService_NotFound()
    {
        var result = await server.Client.CallAsync("grpc.health.v1.Health/Check", new { service = "sesame.v1.Nothing" });

        Assert.Equal(5, result.Code);
    }

    [Fact]
    public async Task HealthWatch_Server_StreamsServing()
    {
        var result = await server.Client.StreamAsync("grpc.health.v1.Health/Watch", new { service = "" }, messages: 1, timeoutMs: 30_000);

        Assert.Equal(0, result.Code);
        Assert.Equal("SERVING", result.Response!["messages"]![0]!["status"]!.ToString());
    }

    [Fact]
    public async Task HealthCheck_FortyKilobyteServiceName_NotFoundAndTheConnectionServesOn()
    {
        var result = await server.Client.CallAsync("grpc.health.v1.Health/Check", new { service = new string('é', 20_000) });
        var after = await server.Client.CallAsync("grpc.health.v1.Health/Check", new { service = "" });

        Assert.Equal(5, result.Code);
        Assert.True(result.Details.Length <= 1024, $"{result.Details.Length} characters of status message");
        Assert.Equal("SERVING", after.Field("status"));
    }

    [Theory]
    [InlineData("/sesame.v1.MemberAuth/NoSuchMethod")]
    [InlineData("/sesame.v1.NoSuchService/Login")]
    public async Task UnknownMethod_Unimplemented(string path)
    {
        var result = await server.Client.CallRawAsync(path, []);

        Assert.Equal(12, result.Code);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    public async Task CompressedRequest_Accepted(string compression)
    {
        await using var client = NodeGrpcClient.Start(server.Address, compression: compression);

        var result = await client.CallAsync("sesame.v1.Portal/DescribeTenant", new { tenant = "assu2000" }, SesameServer.Portal("assu2000"));

        Assert.Equal("ASSU2000", result.Field("display_name"));
    }

    [Fact]
    public async Task CompressedMessageOverTheLimitOnceInflated_ResourceExhausted()
    {
        await using var client = NodeGrpcClient.Start(server.Address, compression: "gzip");

        var result = await client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "assu2000", identifier = new string('x', 70 * 1024), secret = "482913" }, SesameServer.Portal("assu2000"));

        Assert.Equal(8, result.Code);
        Assert.Contains("65536", result.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidArgument_StatusDetailsCarryBadRequestFields()
    {
        var result = await server.Client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "assu2000", identifier = "", secret = "12" }, SesameServer.Portal("assu2000"));

        var details = Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(result.Trailers["grpc-status-details-bin"]!.ToString()));
        var badRequest = details.Details.Single().Unpack<Google.Rpc.BadRequest>();
        Assert.Equal(3, result.Code);
        Assert.Equal(["identifier", "secret"], badRequest.FieldViolations.Select(violation => violation.Field));
    }

    [Fact]
    public async Task ThousandCallsInFlight_OneConnection_AllAnswered()
    {
        var calls = Enumerable.Range(0, 1000).Select(i => i % 2 == 0
            ? server.Client.CallAsync("grpc.health.v1.Health/Check", new { service = "" })
            : server.Client.CallAsync("sesame.v1.Portal/DescribeTenant", new { tenant = "assu2000" }, SesameServer.Portal("assu2000")));

        var results = await Task.WhenAll(calls);

        Assert.All(results, result => Assert.Equal(0, result.Code));
        Assert.Equal(500, results.Count(result => result.Field("status") == "SERVING"));
        Assert.Equal(500, results.Count(result => result.Field("display_name") == "ASSU2000"));
    }

    [Fact]
    public async Task Deadline_PassesWhileWaitingForABusyAccount_DeadlineExceededAndTheAttemptNotCounted()
    {
        // Twenty sign-ins queue on one account (one at a time, ~60 ms of hashing each); one more call with a
        // deadline waits behind them, and the server's clock then passes its deadline.
        var identifier = $"D{Guid.NewGuid():N}"[..12];
        var created = await server.Client.CallAsync("sesame.v1.MemberAdmin/CreateMember", new { tenant = "acs", identifier, secret = "482913" }, SesameServer.BackOffice);
        Assert.Equal(0, created.Code);
        var busy = Enumerable.Range(0, 20).Select(_ => server.Client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "acs", identifier, secret = "482913" }, SesameServer.Portal("acs"))).ToArray();

        // Once one has been answered the others are queued on the account, so the late call lands behind them.
        await Task.WhenAny(busy);
        var timersBefore = server.Clock.ArmedTimersCreated;

        var late = server.Client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "acs", identifier, secret = "930517" }, SesameServer.Portal("acs"), timeoutMs: 120_000);
        await Eventually.TrueAsync(() => server.Clock.ArmedTimersCreated > timersBefore);
        server.Clock.Advance(TimeSpan.FromMinutes(2));
        var lateResult = await late;
        await Task.WhenAll(busy);

        Assert.Equal(4, lateResult.Code);
        var after = await server.Client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "acs", identifier, secret = "930517" }, SesameServer.Portal("acs"));
        Assert.Equal("2", after.Field("remaining_attempts"));
    }

    [Fact]
    public async Task MessageOverTheReceiveLimit_ResourceExhausted()
    {
        var result = await server.Client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "assu2000", identifier = new string('x', 70 * 1024), secret = "482913" }, SesameServer.Portal("assu2000"));

        Assert.Equal(8, result.Code);
        Assert.Contains("65536", result.Details, StringComparison.Ordinal);
    }
}
