using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Sesame.Testing;

namespace Sesame.Silo.Tests;

/// <summary>
/// The README's run command, as a newcomer meets it: the built Silo started as its own process with no configuration
/// but a free port, then used by the Node gRPC client. (The lockout minute itself runs on a manual clock in
/// Interop.Tests; this process has the real one.)
/// </summary>
public sealed partial class RunCommandTests
{
    [Fact]
    public async Task Silo_NoConfiguration_ServesDemoMembersToTheNodeClient()
    {
        await using var silo = await SiloProcess.StartAsync();
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

    private static Dictionary<string, string> Portal(string tenant) => new() { ["authorization"] = $"Bearer {Demo.DemoCredentials.PortalKey(tenant)}" };

    [GeneratedRegex(@"Now listening on: http://(?<authority>127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    private sealed class SiloProcess : IAsyncDisposable
    {
        private readonly Process process;
        private readonly System.Text.StringBuilder output = new();

        private SiloProcess(Process process) => this.process = process;

        public string Address { get; private set; } = string.Empty;

        public string Output
        {
            get
            {
                lock (output)
                {
                    return output.ToString();
                }
            }
        }

        public static async Task<SiloProcess> StartAsync()
        {
            var configuration = typeof(RunCommandTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
            var binaries = Path.Combine(RepositoryPaths.Root, "Silo", "bin", configuration, "net10.0");
            var start = new ProcessStartInfo("dotnet", [Path.Combine(binaries, "Sesame.Silo.dll"), "--Sesame:Endpoint:Port=0"])
            {
                WorkingDirectory = binaries,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment.Remove("ASPNETCORE_URLS");
            var silo = new SiloProcess(Process.Start(start)!);
            var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            void Collect(object sender, DataReceivedEventArgs line)
            {
                if (line.Data is null)
                {
                    return;
                }

                lock (silo.output)
                {
                    silo.output.AppendLine(line.Data);
                }

                if (ListeningLine().Match(line.Data) is { Success: true } match)
                {
                    listening.TrySetResult(match.Groups["authority"].Value);
                }
            }

            silo.process.OutputDataReceived += Collect;
            silo.process.ErrorDataReceived += Collect;
            silo.process.BeginOutputReadLine();
            silo.process.BeginErrorReadLine();
            silo.process.EnableRaisingEvents = true;
            silo.process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The Silo exited: {silo.Output}"));
            silo.Address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60), TimeProvider.System);
            await Eventually.TrueAsync(() => silo.Output.Contains("node interop/call.mjs", StringComparison.Ordinal));
            return silo;
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
        }
    }
}
