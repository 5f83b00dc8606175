using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Sesame.Testing;

namespace Sesame.Silo.Tests;

/// <summary>
/// The README's run command, as a newcomer meets it: the built Silo started as its own process with no configuration
/// but a free port, then used by the Node gRPC client. (The lockout minute itself runs on a manual clock in
/// Interop.Tests; this process has the real one.)
/// </summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task Silo_NoConfiguration_ServesDemoMembersToTheNodeClient()
    {
        await using var silo = await SiloProcess.StartAsync();
        await Eventually.TrueAsync(() => silo.Output.Contains("node interop/call.mjs", StringComparison.Ordinal));
        await using var client = NodeGrpcClient.Start(silo.Address);

        var health = await client.CallAsync("grpc.health.v1.Health/Check", new { service = "" });
        var login = await client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "assu2000", identifier = "AS100001", secret = "482913" }, Portal("assu2000"));
        var failures = new List<GrpcCallResult>();
        for (var i = 0; i < 3; i++)
        {
            failures.Add(await client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "acs", identifier = "AC200001", secret = "111999" }, Portal("acs")));
        }

        Assert.Equal("SERVING", health.Field("status"));
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", login.Field("status"));
        Assert.Equal(["LOGIN_STATUS_INVALID_CREDENTIALS", "LOGIN_STATUS_INVALID_CREDENTIALS", "LOGIN_STATUS_LOCKED_OUT"], failures.Select(failure => failure.Field("status")));
        Assert.Contains("AS100001", silo.Output, StringComparison.Ordinal);
        Assert.Contains("node interop/call.mjs", silo.Output, StringComparison.Ordinal);
        Assert.Contains("demo-assu2000-portal-key", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("111999", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_NoConfiguration_MesDemoMemberActivatesWithTheCodeInTheLogAndSignsInWithAnAccessCode()
    {
        // The walk the banner describes: the provisional code from the dev outbox's log, the NIR and card it prints.
        await using var silo = await SiloProcess.StartAsync();
        await Eventually.TrueAsync(() => silo.Output.Contains("node interop/call.mjs", StringComparison.Ordinal) && silo.Output.Contains("Code provisoire : ", StringComparison.Ordinal));
        await using var client = NodeGrpcClient.Start(silo.Address);
        var code = System.Text.RegularExpressions.Regex.Match(silo.Output, "Code provisoire : ([A-Z0-9]+)").Groups[1].Value;
        Task<GrpcCallResult> Activation(string method, object request) => client.CallAsync($"sesame.v1.MemberActivation/{method}", request, Portal("mes"));

        var identified = await Activation("Identify", new { tenant = "mes", provisional_code = code, nir = "1 68 04 75 123 456 17" });
        var activationId = identified.Field("activation_id");
        var card = await Activation("CheckVitaleCard", new { tenant = "mes", activation_id = activationId, card_kind = "VITALE_CARD_KIND_WITH_PHOTO", serial_number = "8025000002" });
        var decided = await Activation("Decide", new { tenant = "mes", activation_id = activationId, decision = "ACTIVATION_DECISION_ACTIVATE", terms_version = "cgu-2022-01", privacy_policy_version = "ppdp-2022-01" });
        var confirmed = await Activation("ConfirmContacts", new { tenant = "mes", activation_id = activationId });
        var chosen = await Activation("ChooseCredentials", new { tenant = "mes", activation_id = activationId, identifier = "christian.durand", password = "Sante-Bleue-2026!", confirmation = "Sante-Bleue-2026!" });
        var login = await client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "mes", identifier = "christian.durand", secret = "Sante-Bleue-2026!" }, Portal("mes"));
        await Eventually.TrueAsync(() => silo.Output.Contains("code d'accès à usage unique : ", StringComparison.Ordinal));
        var accessCode = System.Text.RegularExpressions.Regex.Match(silo.Output, "code d'accès à usage unique : ([0-9]+)").Groups[1].Value;
        var signedIn = await client.CallAsync("sesame.v1.MemberAuth/VerifyAccessCode", new { tenant = "mes", identifier = "christian.durand", access_code_flow_id = login.Field("access_code_flow_id"), code = accessCode }, Portal("mes"));

        Assert.Equal("IDENTIFY_STATUS_IDENTIFIED", identified.Field("status"));
        Assert.Equal((0, 0), (card.Code, confirmed.Code));
        Assert.Equal("DECIDE_STATUS_ACTIVATING", decided.Field("status"));
        Assert.Equal("CHOOSE_CREDENTIALS_STATUS_ACTIVATED", chosen.Field("status"));
        Assert.Equal("LOGIN_STATUS_ACCESS_CODE_SENT", login.Field("status"));
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", signedIn.Field("status"));
        Assert.Contains("MES-0000001", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Sante-Bleue-2026!", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("168047512345617", silo.Output.Replace("NIR 168047512345617", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MesWalkthrough_BuiltSilo_WalksEveryScreenToASessionAndLeavesNoSiloBehind()
    {
        // The README's one command, with the built Silo in place of `dotnet run` (the tests built it already).
        var (exitCode, output) = await RunWalkthroughAsync("--silo-command", $"dotnet \"{SiloProcess.Dll}\"");

        Assert.True(exitCode == 0, $"exit code {exitCode}:{Environment.NewLine}{output}");
        Assert.Contains("IDENTIFY_STATUS_IDENTIFIED", output, StringComparison.Ordinal);
        Assert.Contains("DECIDE_STATUS_ACTIVATING, masked_email: c****@e****.fr", output, StringComparison.Ordinal);
        Assert.Contains("CHOOSE_CREDENTIALS_STATUS_ACTIVATED", output, StringComparison.Ordinal);
        Assert.Contains("LOGIN_STATUS_ACCESS_CODE_SENT", output, StringComparison.Ordinal);
        Assert.Contains("LOGIN_STATUS_SUCCEEDED", output, StringComparison.Ordinal);
        Assert.Contains("valid: true, identifier: christian.durand", output, StringComparison.Ordinal);
        Assert.Contains("ended: true", output, StringComparison.Ordinal);
        Assert.Contains("Sésame stopped", output, StringComparison.Ordinal);
        var port = int.Parse(Regex.Match(output, @"Sésame serves on 127\.0\.0\.1:(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Empty(ProcessesWithArgument($"--Sesame:Endpoint:Port={port}"));
        var connection = await Record.ExceptionAsync(async () =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
        });
        Assert.IsType<SocketException>(connection);
    }

    [Fact]
    public async Task MesWalkthrough_SiloThatNeverServes_FailsWithAClearMessageAndStopsIt()
    {
        var (exitCode, output) = await RunWalkthroughAsync("--silo-command", "echo not a silo; sleep 60; :", "--start-timeout", "2");

        Assert.Equal(1, exitCode);
        Assert.Contains("did not serve on 127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Contains("| not a silo", output, StringComparison.Ordinal);
        Assert.Contains("Sésame stopped", output, StringComparison.Ordinal);
    }

    /// <summary>Runs <c>node interop/mes-walkthrough.mjs</c> from the repository root, for two minutes at most.</summary>
    private static async Task<(int ExitCode, string Output)> RunWalkthroughAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("node", [Path.Combine(RepositoryPaths.Interop, "mes-walkthrough.mjs"), .. arguments])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.Environment.Remove("SESAME_SILO_COMMAND");
        using var walk = Process.Start(start)!;
        var stdout = walk.StandardOutput.ReadToEndAsync();
        var stderr = walk.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await walk.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            walk.Kill(entireProcessTree: true);
            await walk.WaitForExitAsync();
            Assert.Fail($"The walk-through did not end within two minutes:{Environment.NewLine}{await stdout}{await stderr}");
        }

        return (walk.ExitCode, await stdout + await stderr);
    }

    /// <summary>The ids of the processes whose command line has an argument ending in <paramref name="argument"/> (Linux; none elsewhere).</summary>
    private static List<int> ProcessesWithArgument(string argument)
    {
        var found = new List<int>();
        if (!OperatingSystem.IsLinux())
        {
            return found;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (int.TryParse(Path.GetFileName(directory), out var id) && File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(argument + '\0', StringComparison.Ordinal))
                {
                    found.Add(id);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }

    private static Dictionary<string, string> Portal(string tenant) => new() { ["authorization"] = $"Bearer {Demo.DemoCredentials.PortalKey(tenant)}" };
}
