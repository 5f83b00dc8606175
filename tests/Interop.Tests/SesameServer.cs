using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;
using Sesame.Grains.Notifications;
using Sesame.Silo.Demo;
using Sesame.Silo.Hosting;
using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>
/// Sésame composed exactly as <c>Silo/Program.cs</c> composes it, on a free loopback port and a manual clock, with
/// the Node gRPC client connected to it.
/// </summary>
public sealed class SesameServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private SesameServer(WebApplication app, TimerCountingClock clock, string address, NodeGrpcClient client)
    {
        this.app = app;
        Clock = clock;
        Address = address;
        Client = client;
    }

    public TimerCountingClock Clock { get; }

    public string Address { get; }

    public NodeGrpcClient Client { get; }

    public IServiceProvider Services => app.Services;

    public static Dictionary<string, string> Portal(string tenant) => new() { ["authorization"] = $"Bearer {DemoCredentials.PortalKey(tenant)}" };

    /// <summary>A portal's metadata with a client address of its own, so identifier-lookup budgets of tests stay apart.</summary>
    public static Dictionary<string, string> PortalFromNewAddress(string tenant) =>
        new(Portal(tenant)) { ["sesame-client-ip"] = $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}" };

    public static Dictionary<string, string> BackOffice { get; } = new() { ["authorization"] = $"Bearer {DemoCredentials.BackOfficeKey}" };

    /// <summary>
    /// Signs in as a portal would: for cpms through a fresh scrambled keypad, pressing the positions of the PIN's
    /// digits; for mnt after solving a fresh anti-robot challenge; for the other tenants with the secret itself.
    /// </summary>
    public async Task<GrpcCallResult> SignInAsync(string tenant, string identifier, string secret, Dictionary<string, string>? metadata = null)
    {
        metadata ??= Portal(tenant);
        switch (tenant)
        {
            case "cpms":
                var (keypadId, typed) = await TypeOnKeypadAsync(tenant, [secret], metadata);
                return await Client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant, identifier, keypad_id = keypadId, positions = typed[0] }, metadata);
            case "mnt":
                var (challengeId, choiceId) = await SolveChallengeAsync(tenant, metadata);
                return await Client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant, identifier, secret, challenge_id = challengeId, challenge_choice_id = choiceId }, metadata);
            default:
                return await Client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant, identifier, secret }, metadata);
        }
    }

    /// <summary>Gets a fresh keypad and returns its id with the positions of each PIN's digits on it, in order.</summary>
    public async Task<(string KeypadId, int[][] Positions)> TypeOnKeypadAsync(string tenant, IEnumerable<string> pins, Dictionary<string, string>? metadata = null)
    {
        var keypad = await Client.CallAsync("sesame.v1.MemberAuth/IssueKeypad", new { tenant }, metadata ?? Portal(tenant));
        var digits = keypad.Response!["digits"]!.AsArray().Select(digit => (int)digit!).ToList();
        return (keypad.Field("keypad_id")!, [.. pins.Select(pin => pin.Select(digit => digits.IndexOf(digit - '0')).ToArray())]);
    }

    /// <summary>Gets a fresh challenge and clicks the picture the portal knows to show the word, as a person would.</summary>
    public async Task<(string ChallengeId, string ChoiceId)> SolveChallengeAsync(string tenant, Dictionary<string, string>? metadata = null)
    {
        var challenge = await Client.CallAsync("sesame.v1.MemberAuth/IssueChallenge", new { tenant }, metadata ?? Portal(tenant));
        var pictures = DemoData.Tenants[tenant].Challenge.Pictures;
        var word = challenge.Field("word");
        var choice = challenge.Response!["choices"]!.AsArray().Single(choice => pictures[(string)choice!["picture"]!] == word);
        return (challenge.Field("challenge_id")!, (string)choice!["choice_id"]!);
    }

    /// <summary>Creates a member nobody else uses, with an identifier of the tenant's kind, through the back office.</summary>
    public async Task<string> CreateMemberAsync(string tenant, string secret = "482913", string birthDate = "")
    {
        var identifier = TestIdentifiers.For(tenant);
        var result = await Client.CallAsync("sesame.v1.MemberAdmin/CreateMember", new { tenant, identifier, secret, birth_date = birthDate }, BackOffice);
        Assert.Equal("CREATE_MEMBER_STATUS_CREATED", result.Field("status"));
        return identifier;
    }

    /// <summary>The messages the dev outbox sent.</summary>
    public DevOutbox Outbox => Services.GetRequiredService<DevOutbox>();

    /// <summary>Waits for the dispatcher to send a message of <paramref name="subject"/> to <paramref name="destination"/>, and returns the latest.</summary>
    public async Task<RenderedMessage> WaitForMessageAsync(string destination, string subject)
    {
        await Eventually.TrueAsync(() => Outbox.Sent.Any(message => message.Destination == destination && message.Body.Contains(subject, StringComparison.Ordinal)));
        return Outbox.Sent.Last(message => message.Destination == destination && message.Body.Contains(subject, StringComparison.Ordinal));
    }

    /// <summary>The fields an INVALID_ARGUMENT names, sorted, each once.</summary>
    public static string[] ViolatedFields(GrpcCallResult result) =>
        [.. result.Details["Invalid request: ".Length..].Split("; ").Select(violation => violation[..violation.IndexOf(": ", StringComparison.Ordinal)]).Distinct().Order()];

    /// <summary>The one-time code a message carries.</summary>
    public static string CodeIn(RenderedMessage message) => Regex.Match(message.Body, "usage unique : ([A-Z0-9]+)").Groups[1].Value;

    /// <summary>Imports one member through the back office and returns the identifier.</summary>
    public async Task<string> ImportMemberAsync(string tenant, MemberRecordFields record, bool sendSecurityCodeLetter = false)
    {
        var result = await Client.CallAsync("sesame.v1.MemberAdmin/ImportMembers", new { tenant, members = new[] { record }, send_security_code_letters = sendSecurityCodeLetter }, BackOffice);
        Assert.Equal(0, result.Code);
        Assert.Equal("IMPORT_STATUS_CREATED", (string?)result.Response!["outcomes"]![0]!["status"]);
        return record.identifier;
    }

    /// <summary>The letters waiting to be printed for <paramref name="identifier"/>.</summary>
    public async Task<JsonObject[]> LettersForAsync(string tenant, string identifier)
    {
        await Eventually.TrueAsync(async () => (await PendingLettersAsync(tenant)).Any(letter => (string?)letter["identifier"] == identifier));
        return (await PendingLettersAsync(tenant)).Where(letter => (string?)letter["identifier"] == identifier).ToArray();
    }

    /// <summary>The audit events of an account, oldest first.</summary>
    public async Task<string[]> AuditEventsAsync(string tenant, string identifier)
    {
        var trail = await Client.CallAsync("sesame.v1.MemberAdmin/GetAuditTrail", new { tenant, identifier }, BackOffice);
        return [.. trail.Response!["entries"]!.AsArray().Select(entry => (string)entry!["event"]!)];
    }

    /// <summary>
    /// Starts a server; with <paramref name="caFile"/>, the client connects over TLS trusting that certificate; with
    /// <paramref name="services"/>, test doubles replace parts of the composition.
    /// </summary>
    public static async Task<SesameServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, string? caFile = null, Action<IServiceCollection>? services = null)
    {
        var clock = new TimerCountingClock(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(FreePorts.SiloSettings()) { ["Sesame:Endpoint:Port"] = "0" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddSesame();
        builder.Services.AddSingleton<TimeProvider>(clock);
        // Grains and their timers read the manual clock; Orleans' own loops (membership, messaging, collection) keep real time.
        builder.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapSesame();
        await app.StartAsync();

        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Authority;
        return new SesameServer(app, clock, address, NodeGrpcClient.Start(address, caFile));
    }

    private async Task<JsonObject[]> PendingLettersAsync(string tenant)
    {
        var letters = await Client.CallAsync("sesame.v1.MemberAdmin/ListPendingLetters", new { tenant }, BackOffice);
        return [.. letters.Response!["letters"]!.AsArray().Select(letter => letter!.AsObject())];
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
