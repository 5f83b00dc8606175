using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sesame.Grains.Tests.Notifications;

/// <summary>
/// The Azure Communication Services SMS endpoint as documented, on Kestrel on a free loopback port: it checks each
/// request's HMAC signature from the raw request (string to sign, content hash, a date within 15 minutes of the test's
/// clock) and answers 401 if anything is off, else records the SMS and answers 202 with one entry per recipient.
/// </summary>
internal sealed class AcsSmsServer : IAsyncDisposable
{
    /// <summary>A number the service refuses with 400, as it does a malformed one.</summary>
    public const string InvalidNumber = "+33600000400";

    /// <summary>A number the service takes the request for (202) but refuses in that recipient's entry.</summary>
    public const string UnreachableNumber = "+33600000202";

    private static readonly TimeSpan DateTolerance = TimeSpan.FromMinutes(15);

    private readonly WebApplication app;
    private readonly byte[] accessKey;
    private readonly TimeProvider clock;
    private readonly ConcurrentQueue<int> scriptedStatuses = new();
    private readonly ConcurrentQueue<ReceivedSms> received = new();
    private int attempts;

    private AcsSmsServer(byte[] accessKey, TimeProvider clock)
    {
        this.accessKey = accessKey;
        this.clock = clock;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.Run(HandleAsync);
    }

    /// <summary>The access key requests must be signed with.</summary>
    public string AccessKey => Convert.ToBase64String(accessKey);

    /// <summary>A connection string for this server, with <paramref name="accessKey"/> (base64) or the right one.</summary>
    public string ConnectionString(string? accessKey = null) => $"endpoint={Endpoint};accesskey={accessKey ?? AccessKey}";

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every request that reached the server, accepted or not.</summary>
    public int Attempts => Volatile.Read(ref attempts);

    /// <summary>The SMS accepted, oldest first.</summary>
    public IReadOnlyList<ReceivedSms> Received => [.. received];

    public static async Task<AcsSmsServer> StartAsync(TimeProvider clock)
    {
        var server = new AcsSmsServer(RandomNumberGenerator.GetBytes(32), clock);
        await server.app.StartAsync();
        server.Endpoint = new Uri(server.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/");
        return server;
    }

    /// <summary>Answers the next correctly signed requests with <paramref name="statuses"/>, one each, before accepting again.</summary>
    public void AnswerNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            scriptedStatuses.Enqueue(status);
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref attempts);
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        if (request.Method != "POST" || request.Path != "/sms" || request.Query["api-version"] != "2021-03-07")
        {
            context.Response.StatusCode = 404;
            return;
        }

        if (!SignatureHolds(context, body))
        {
            await ErrorAsync(context, 401, "Denied", "Denied by the resource provider.");
            return;
        }

        if (scriptedStatuses.TryDequeue(out var scripted))
        {
            context.Response.Headers.RetryAfter = "0";
            await ErrorAsync(context, scripted, "Scripted", "Scripted failure.");
            return;
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var to = root.GetProperty("smsRecipients")[0].GetProperty("to").GetString()!;
        if (to == InvalidNumber)
        {
            await ErrorAsync(context, 400, "BadRequest", $"Invalid To phone number format: {to}.");
            return;
        }

        var successful = to != UnreachableNumber;
        if (successful)
        {
            received.Enqueue(new ReceivedSms(
                root.GetProperty("from").GetString()!,
                to,
                root.GetProperty("message").GetString()!,
                root.GetProperty("smsSendOptions").GetProperty("enableDeliveryReport").GetBoolean()));
        }

        context.Response.StatusCode = 202;
        await context.Response.WriteAsJsonAsync(new
        {
            value = new[]
            {
                successful
                    ? (object)new { to, messageId = $"Outgoing_{Guid.NewGuid():N}_noam", httpStatusCode = 202, successful = true }
                    : new { to, httpStatusCode = 400, successful = false, errorMessage = "Invalid To phone number." },
            },
        });
    }

    // As documented: "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=<base64 HMAC-SHA256 of
    // VERB\npath?query\ndate;host;content-hash>", the content hash being the base64 SHA-256 of the raw body.
    private bool SignatureHolds(HttpContext context, byte[] body)
    {
        var headers = context.Request.Headers;
        var date = headers["x-ms-date"].ToString();
        var contentHash = headers["x-ms-content-sha256"].ToString();
        const string Prefix = "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=";
        var authorization = headers.Authorization.ToString();
        if (!authorization.StartsWith(Prefix, StringComparison.Ordinal)
            || !DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt)
            || (signedAt - clock.GetUtcNow()).Duration() > DateTolerance
            || contentHash != Convert.ToBase64String(SHA256.HashData(body)))
        {
            return false;
        }

        var pathAndQuery = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var stringToSign = $"{context.Request.Method}\n{pathAndQuery}\n{date};{context.Request.Host.Value};{contentHash}";
        var expected = HMACSHA256.HashData(accessKey, Encoding.UTF8.GetBytes(stringToSign));
        var signature = new byte[64];
        return Convert.TryFromBase64String(authorization[Prefix.Length..], signature, out var length)
            && CryptographicOperations.FixedTimeEquals(expected, signature.AsSpan(0, length));
    }

    private static async Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { error = new { code, message } });
    }
}
