using Sesame.Client;
using Sesame.LoadTest.Members;
using Sesame.LoadTest.Seeding;
using Spectre.Console;

namespace Sesame.LoadTest.Cli;

internal sealed record SeedRequest(
    ServerSettings Server,
    string MemberFile,
    int Count,
    IReadOnlyList<string> Tenants,
    int Batch,
    int Concurrency,
    string? Tag);

/// <summary><c>seed</c>: makes the members, imports them with a progress bar, activates mes members given an inbox, writes the member file.</summary>
internal sealed class SeedCommand(ToolEnvironment environment)
{
    public async Task<int> ExecuteAsync(SeedRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var console = environment.Console;
        IReadOnlyList<Uri> addresses;
        try
        {
            addresses = LoadTestCommands.ParseAddresses(request.Server.Addresses);
            if (request.Count is < 1 or > 1_000_000 || request.Batch is < 1 or > MemberAdminLimits.MaxImportBatch || request.Concurrency < 1)
            {
                throw new FormatException($"--count is 1 to 1000000, --batch 1 to {MemberAdminLimits.MaxImportBatch}, --concurrency at least 1.");
            }

            if (request.Tenants.FirstOrDefault(tenant => !MemberGenerator.Tenants.Contains(tenant)) is { } unknown)
            {
                throw new FormatException($"--tenants: unknown tenant '{unknown}' ({string.Join(", ", MemberGenerator.Tenants)}).");
            }
        }
        catch (FormatException exception)
        {
            console.MarkupLineInterpolated($"[red]{exception.Message}[/]");
            return ExitCodes.Unusable;
        }

        var generator = new MemberGenerator(request.Tag ?? MemberGenerator.NewTag(Random.Shared), Random.Shared);
        var members = request.Tenants.SelectMany(tenant => Enumerable.Range(0, request.Count).Select(index => generator.Make(tenant, index))).ToList();
        using var clients = request.Server.Connect(addresses, request.Tenants);
        await using var smtp4dev = request.Server.OpenSmtp4dev(environment);
        var inbox = environment.Inbox ?? smtp4dev;
        var seeder = new Seeder(clients, inbox, environment.Time) { BatchSize = request.Batch, Concurrency = request.Concurrency };
        var mes = members.Where(member => member.Tenant == "mes").ToList();
        IReadOnlyList<string> activationFailures = [];
        var existing = 0;
        try
        {
            await console.Progress().StartAsync(async progress =>
            {
                var imported = progress.AddTask($"importing {members.Count} members ({generator.Tag})", maxValue: members.Count);
                existing = await seeder.ImportAsync(members, new Progress<int>(done => imported.Value = done), cancellationToken);
                imported.Value = members.Count;
                if (mes.Count > 0 && inbox is not null)
                {
                    var activated = progress.AddTask($"activating {mes.Count} mes members", maxValue: mes.Count);
                    activationFailures = await seeder.ActivateAsync(mes, new Progress<int>(done => activated.Value = done), cancellationToken);
                    activated.Value = mes.Count;
                }
            });
        }
        catch (Grpc.Core.RpcException exception)
        {
            console.MarkupLineInterpolated($"[red]The import failed: {exception.Status.StatusCode} {exception.Status.Detail}[/]");
            return ExitCodes.Unusable;
        }

        await new MemberFile { Tag = generator.Tag, Members = members }.WriteAsync(request.MemberFile, cancellationToken);
        console.MarkupLineInterpolated($"{members.Count} members ({string.Join(", ", request.Tenants)}; tag {generator.Tag}) written to [bold]{request.MemberFile}[/].");
        if (existing > 0)
        {
            console.MarkupLineInterpolated($"[yellow]{existing} members existed already (tag {generator.Tag} seeded before): they keep their earlier secrets, not those of this file. Seed with a new --tag.[/]");
        }

        if (mes.Count > 0 && inbox is null)
        {
            console.MarkupLine("[yellow]mes members were imported but not activated: give --smtp4dev URL to activate them (their provisional codes go by e-mail).[/]");
        }

        foreach (var failure in activationFailures.Take(10))
        {
            console.MarkupLineInterpolated($"[yellow]not activated: {failure}[/]");
        }

        return ExitCodes.Passed;
    }
}
