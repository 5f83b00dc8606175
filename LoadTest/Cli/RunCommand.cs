using System.Globalization;
using Grpc.Core;
using Sesame.LoadTest.Correctness;
using Sesame.LoadTest.Load;
using Sesame.LoadTest.Measuring;
using Sesame.LoadTest.Members;
using Sesame.LoadTest.Reporting;
using Sesame.LoadTest.Scenarios;
using Spectre.Console;

namespace Sesame.LoadTest.Cli;

internal sealed record RunRequest(
    ServerSettings Server,
    string MemberFile,
    string? MixFile,
    string Rates,
    TimeSpan StepDuration,
    TimeSpan Drain,
    double ThinkScale,
    TimeSpan CodeWait,
    string? Output,
    IReadOnlyList<string> Notes);

/// <summary><c>run</c>: the load, live; then the correctness check, the member file updated, and the report.</summary>
internal sealed class RunCommand(ToolEnvironment environment)
{
    public async Task<int> ExecuteAsync(RunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var console = environment.Console;
        var time = environment.Time;
        IReadOnlyList<Uri> addresses;
        LoadPlan plan;
        Mix mix;
        MemberFile members;
        try
        {
            addresses = LoadTestCommands.ParseAddresses(request.Server.Addresses);
            if (request.StepDuration <= TimeSpan.Zero || request.Drain < TimeSpan.Zero || request.ThinkScale < 0 || request.Server.Deadline <= TimeSpan.Zero)
            {
                throw new FormatException("--step-duration and --deadline must be above 0, --drain and --think-scale at least 0.");
            }

            plan = new LoadPlan(LoadTestCommands.ParseRates(request.Rates), request.StepDuration);
            mix = Mix.Parse(request.MixFile is null ? Mix.MondayMorning : await File.ReadAllTextAsync(request.MixFile, cancellationToken));
            members = await MemberFile.ReadAsync(request.MemberFile, cancellationToken);
        }
        catch (Exception exception) when (exception is FormatException or IOException or System.Text.Json.JsonException)
        {
            console.MarkupLineInterpolated($"[red]{exception.Message}[/]");
            return ExitCodes.Unusable;
        }

        var notes = new List<string>();
        await using var smtp4dev = request.Server.OpenSmtp4dev(environment);
        var inbox = environment.Inbox ?? smtp4dev;
        if (inbox is null)
        {
            var leftOut = mix.Entries.Where(entry => entry.Scenario.NeedsInbox && entry.Weight > 0).Select(entry => entry.Scenario.Name).ToList();
            if (leftOut.Count > 0)
            {
                notes.Add($"Left out, no inbox to read codes from (give --smtp4dev URL): {string.Join(", ", leftOut)}.");
            }

            var kept = mix.Without(scenario => scenario.NeedsInbox);
            if (kept is null)
            {
                console.MarkupLine("[red]Every scenario of the mix reads e-mailed codes: give --smtp4dev URL.[/]");
                return ExitCodes.Unusable;
            }

            mix = kept;
        }

        var tenants = members.Members.Select(member => member.Tenant).Distinct().ToList();
        using var clients = request.Server.Connect(addresses, tenants);
        try
        {
            if (smtp4dev is not null)
            {
                await smtp4dev.CheckAsync(cancellationToken);
            }

            for (var server = 0; server < addresses.Count; server++)
            {
                await clients.Portal(tenants[0]).Health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest(), cancellationToken: cancellationToken);
            }
        }
        catch (Exception exception) when (exception is RpcException or HttpRequestException)
        {
            console.MarkupLineInterpolated($"[red]Not reachable: {exception.Message}[/]");
            return ExitCodes.Unusable;
        }

        foreach (var note in notes)
        {
            console.MarkupLineInterpolated($"[yellow]{note}[/]");
        }

        var startedAt = time.GetUtcNow();
        var userAgent = string.Create(CultureInfo.InvariantCulture, $"Sesame.LoadTest run {members.Tag} {startedAt:yyyyMMdd'T'HHmmss} {Random.Shared.Next(0x10000):x4}");
        var recorder = new RunRecorder(plan.Rates.Count);
        var ledger = new LockoutLedger();
        var context = new JourneyContext
        {
            Clients = clients,
            Accounts = new AccountPool(members.Members),
            RunRecorder = recorder,
            Time = time,
            Lockouts = ledger,
            Inbox = inbox,
            UserAgent = userAgent,
            ThinkScale = request.ThinkScale,
            CodeWait = request.CodeWait,
        };
        var view = new LiveView(console, recorder, plan.Rates);
        var runner = new LoadRunner(context, mix, plan) { Drain = request.Drain, Tick = view.Update };
        var started = time.GetTimestamp();
        await view.ShowWhileAsync(() => runner.RunAsync(cancellationToken));
        var elapsed = time.GetElapsedTime(started);
        if (runner.StoppedEarly)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Stopped early (Ctrl+C) after {elapsed.TotalSeconds:0.#} s: the phases after that measured nothing."));
        }

        // Stopped or not, the check, the member file and the report are done to the end.
        cancellationToken = CancellationToken.None;
        notes.AddRange(request.Notes);

        console.MarkupLineInterpolated($"Checking {ledger.Records.Count} hammered accounts against their audit trails…");
        var checks = await LockoutCheck.RunAsync(clients, ledger, userAgent, cancellationToken);
        await members.WriteAsync(request.MemberFile, cancellationToken);

        var phases = plan.Rates.Select((rate, step) => PhaseResult.From($"step {step + 1}", rate, Clamp(elapsed - plan.StepDuration * step, plan.StepDuration), recorder.Figures(step))).ToList();
        phases.Add(PhaseResult.From("drain", 0, Clamp(elapsed - plan.Duration, TimeSpan.MaxValue), recorder.Figures(plan.Rates.Count)));
        var settings = new RunSettings(
            [.. addresses.Select(address => address.ToString())],
            [.. mix.Shares().Select(share => new MixShare(share.Name, share.Share, ScenarioCatalog.Find(share.Name)!.Description))],
            plan.Rates,
            plan.StepDuration.TotalSeconds,
            request.Drain.TotalSeconds,
            request.ThinkScale,
            request.Server.Deadline.TotalSeconds,
            request.MemberFile,
            members.Members.Count,
            userAgent,
            environment.Inbox is not null ? "the server's dev outbox" : request.Server.Smtp4dev?.ToString() ?? "none",
            notes);
        var results = new RunResults(settings, MachineDescription.Current(), startedAt, elapsed.TotalSeconds, phases, recorder.Timeline, checks);
        var directory = request.Output ?? Path.Combine("loadtest-reports", startedAt.ToString("yyyyMMdd'-'HHmmss", CultureInfo.InvariantCulture));
        await ReportWriter.WriteAsync(results, directory, cancellationToken);

        Summarize(console, results, directory);
        return results.Passed ? ExitCodes.Passed : ExitCodes.CorrectnessFailed;
    }

    /// <summary>The part of a phase the run lived through: 0 to <paramref name="length"/> (a run stopped early ends its phases sooner).</summary>
    private static TimeSpan Clamp(TimeSpan lived, TimeSpan length) => lived < TimeSpan.Zero ? TimeSpan.Zero : lived > length ? length : lived;

    private static void Summarize(IAnsiConsole console, RunResults results, string directory)
    {
        var table = new Table().Caption("members/s offered and arrived, calls/s, latency in ms, failed journeys, gRPC errors").AddColumns("phase", "offered", "arrived", "calls/s", "p50", "p99", "max", "failed", "errors");
        foreach (var phase in results.Phases)
        {
            table.AddRow(
                phase.Name,
                phase.OfferedRate.ToString("0.##", CultureInfo.InvariantCulture),
                phase.ArrivalRate.ToString("0.##", CultureInfo.InvariantCulture),
                phase.CallRate.ToString("0.#", CultureInfo.InvariantCulture),
                phase.Calls.P50.ToString("0.0", CultureInfo.InvariantCulture),
                phase.Calls.P99.ToString("0.0", CultureInfo.InvariantCulture),
                phase.Calls.Max.ToString("0.0", CultureInfo.InvariantCulture),
                phase.Failures.ToString(CultureInfo.InvariantCulture),
                phase.Errors.Values.Sum().ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        var mismatches = results.Checks.Where(check => check.Verdict == CheckVerdict.Mismatch).ToList();
        foreach (var mismatch in mismatches)
        {
            console.MarkupLineInterpolated($"[red]{mismatch.Tenant} {mismatch.Identifier}: {mismatch.Problem}[/]");
        }

        console.MarkupLineInterpolated($"Correctness: {(results.Passed ? "passed" : "FAILED")} ({results.Checks.Count} accounts checked). Report: [bold]{Path.Combine(directory, ReportWriter.Markdown)}[/]");
    }
}
