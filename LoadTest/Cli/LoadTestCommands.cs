using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Grpc.Core;
using Sesame.LoadTest.Load;
using Sesame.LoadTest.Members;
using Sesame.LoadTest.Scenarios;
using Spectre.Console;

namespace Sesame.LoadTest.Cli;

/// <summary>The command line: <c>seed</c> and <c>run</c>.</summary>
internal static class LoadTestCommands
{
    public static RootCommand Create(ToolEnvironment environment)
    {
        var addresses = new Option<string[]>("--address")
        {
            Description = "A server's gRPC address (http:// for h2c, https:// for TLS); repeat it, or separate with commas, for a cluster's silos (round-robin)",
            DefaultValueFactory = _ => ["http://127.0.0.1:7070"],
            AllowMultipleArgumentsPerToken = true,
        };
        var backOfficeKey = new Option<string>("--back-office-key") { Description = "The back office's API key (MemberAdmin): demo-back-office-key for `dotnet run --project Silo`, local-back-office-key for ./run-azurite.sh", DefaultValueFactory = _ => "demo-back-office-key" };
        var portalKey = new Option<string>("--portal-key") { Description = "Each portal's API key, {tenant} replaced by the tenant: local-{tenant}-portal-key for ./run-azurite.sh", DefaultValueFactory = _ => "demo-{tenant}-portal-key" };
        var smtp4dev = new Option<Uri?>("--smtp4dev")
        {
            CustomParser = result => Uri.TryCreate(result.Tokens[^1].Value, UriKind.Absolute, out var address) && address.Scheme is "http" or "https" ? address : Refuse(result, "--smtp4dev takes smtp4dev's web address, such as http://127.0.0.1:5080"),
            Description = "smtp4dev's web address (./run-azurite.sh prints it), where the e-mailed codes are read; without it, forgot-pin and mes-access-code are left out and mes members are not activated",
        };
        var seedDeadline = Deadline(300, "an import of a batch hashes each member's PIN");
        var runDeadline = Deadline(10, "a call past it counts as a DeadlineExceeded error");
        var memberFile = new Option<string>("--members") { Description = "The member list seed writes and run reads (test data: made-up NIRs and test PINs)", DefaultValueFactory = _ => "loadtest-members.json" };

        ServerSettings Server(ParseResult result, Option<double> deadline) => new(
            result.GetValue(addresses)!,
            result.GetValue(backOfficeKey)!,
            result.GetValue(portalKey)!,
            result.GetValue(smtp4dev),
            TimeSpan.FromSeconds(result.GetValue(deadline)));

        var count = new Option<int>("--count") { Description = "Members per tenant", DefaultValueFactory = _ => 1000 };
        var tenants = new Option<string>("--tenants") { Description = "The tenants, comma-separated", DefaultValueFactory = _ => string.Join(',', MemberGenerator.Tenants) };
        var batch = new Option<int>("--batch") { Description = "Members per ImportMembers call (at most 500)", DefaultValueFactory = _ => 100 };
        var concurrency = new Option<int>("--concurrency") { Description = "ImportMembers calls at once", DefaultValueFactory = _ => 4 };
        var tag = new Option<string?>("--tag") { Description = "Four capital letters that make this seeding's identifiers (default: random)" };
        var seed = new Command("seed", "Imports test members through MemberAdmin/ImportMembers (each PIN is hashed by the server: about one PBKDF2 per member), activates mes members when an inbox is given, and writes the member list")
        {
            addresses, backOfficeKey, portalKey, smtp4dev, seedDeadline, memberFile, count, tenants, batch, concurrency, tag,
        };
        seed.SetAction((result, cancellationToken) => GuardedAsync(environment, () => new SeedCommand(environment).ExecuteAsync(
            new SeedRequest(
                Server(result, seedDeadline),
                result.GetValue(memberFile)!,
                result.GetValue(count),
                [.. result.GetValue(tenants)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                result.GetValue(batch),
                result.GetValue(concurrency),
                result.GetValue(tag)),
            cancellationToken)));

        var mix = new Option<string?>("--mix") { Description = "A mix file: lines of 'scenario weight', # for comments (default: a Monday morning, see --help). Scenarios: " + string.Join(", ", ScenarioCatalog.All.Select(scenario => scenario.Name)) };
        var rates = new Option<string>("--rate") { Description = "Members arriving per second (open loop); several, comma-separated, make steps to find the knee: 5,10,20,40", DefaultValueFactory = _ => "5" };
        var stepDuration = new Option<double>("--step-duration") { Description = "Seconds per step", DefaultValueFactory = _ => 60 };
        var drain = new Option<double>("--drain") { Description = "Seconds journeys under way get after the last step, before they are cut", DefaultValueFactory = _ => 60 };
        var thinkScale = new Option<double>("--think-scale") { Description = "Members' pauses (typing, reading, fetching a code) times this; 0 for none", DefaultValueFactory = _ => 1 };
        var codeWait = new Option<double>("--code-wait") { Description = "Seconds a journey waits for an e-mailed code", DefaultValueFactory = _ => 30 };
        var notes = new Option<string[]>("--note") { Description = "A line for the report's settings, e.g. where the server runs and its hash cost: --note \"Silo on this machine, PBKDF2 100,000 iterations, ~40 ms per verify\"", DefaultValueFactory = _ => [] };
        var output = new Option<string?>("--out") { Description = "The report's directory (default: loadtest-reports/<start time>)" };
        var run = new Command("run", $"Plays a mix of the portals' journeys at a constant arrival rate per step, live, then checks the hammered accounts' audit trails and writes report.md, charts and results.json. Exit code 0; 1 for a bad command line, {ExitCodes.Unusable} when the run cannot start, {ExitCodes.CorrectnessFailed} when the check finds a mismatch. The default mix:\n{Mix.MondayMorning}")
        {
            addresses, backOfficeKey, portalKey, smtp4dev, runDeadline, memberFile, mix, rates, stepDuration, drain, thinkScale, codeWait, output, notes,
        };
        run.SetAction((result, cancellationToken) => GuardedAsync(environment, () => new RunCommand(environment).ExecuteAsync(
            new RunRequest(
                Server(result, runDeadline),
                result.GetValue(memberFile)!,
                result.GetValue(mix),
                result.GetValue(rates)!,
                TimeSpan.FromSeconds(result.GetValue(stepDuration)),
                TimeSpan.FromSeconds(result.GetValue(drain)),
                result.GetValue(thinkScale),
                TimeSpan.FromSeconds(result.GetValue(codeWait)),
                result.GetValue(output),
                result.GetValue(notes)!),
            cancellationToken)));

        return new RootCommand("Sésame's load tool: seed test members, then play the portals' journeys at a chosen rate against one silo or a cluster, with a live view, a report with charts and a correctness check.") { seed, run };
    }

    /// <summary>The rates of <c>--rate</c>: numbers ≥ 0, comma-separated, at least one above 0.</summary>
    public static IReadOnlyList<double> ParseRates(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rates = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate < 0 || !double.IsFinite(rate))
            {
                throw new FormatException($"--rate: '{part}' is not a rate (members per second).");
            }

            rates.Add(rate);
        }

        return rates.Any(rate => rate > 0) ? rates : throw new FormatException("--rate needs a rate above 0.");
    }

    /// <summary>Runs a command; a failure it did not expect (a server or file gone mid-way) is told in one line and ends it as unusable.</summary>
    private static async Task<int> GuardedAsync(ToolEnvironment environment, Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (Exception exception) when (exception is RpcException or HttpRequestException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            environment.Console.MarkupLineInterpolated($"[red]{exception.GetType().Name}: {exception.Message}[/]");
            return ExitCodes.Unusable;
        }
    }

    private static Uri? Refuse(ArgumentResult result, string problem)
    {
        result.AddError(problem);
        return null;
    }

    private static Option<double> Deadline(double seconds, string why) =>
        new("--deadline") { Description = $"Each call's deadline, in seconds ({why})", DefaultValueFactory = _ => seconds };

    /// <summary>The servers of <c>--address</c>, each given alone or comma-separated.</summary>
    public static IReadOnlyList<Uri> ParseAddresses(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var addresses = new List<Uri>();
        foreach (var value in values.SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            addresses.Add(Uri.TryCreate(value, UriKind.Absolute, out var address) && address.Scheme is "http" or "https"
                ? address
                : throw new FormatException($"--address: '{value}' is not an http:// or https:// address."));
        }

        return addresses.Count > 0 ? addresses : throw new FormatException("--address names no server.");
    }
}
