using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Sesame.Testing;

/// <summary>
/// The built Silo (<c>Silo/bin/&lt;configuration&gt;/net10.0/Sesame.Silo.dll</c>) started as its own process on a free
/// loopback port, with its output collected. Disposing it kills it; so does <see cref="KillAsync"/>, as a crash would.
/// </summary>
public sealed partial class SiloProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private SiloProcess(Process process) => this.process = process;

    /// <summary>host:port of its gRPC endpoint.</summary>
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

    /// <summary>The built Silo, of the configuration these tests are built in.</summary>
    public static string Dll { get; } = Path.Combine(
        RepositoryPaths.Root, "Silo", "bin", typeof(SiloProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration, "net10.0", "Sesame.Silo.dll");

    /// <summary>Starts the Silo with <paramref name="settings"/> as command-line settings, and returns once it listens.</summary>
    public static async Task<SiloProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var binaries = Path.GetDirectoryName(Dll)!;
        var arguments = new List<string> { Dll, "--Sesame:Endpoint:Port=0" };
        arguments.AddRange(FreePorts.SiloSettings().Where(port => settings?.ContainsKey(port.Key) != true).Select(port => $"--{port.Key}={port.Value}"));
        arguments.AddRange((settings ?? new Dictionary<string, string>()).Select(setting => $"--{setting.Key}={setting.Value}"));
        var start = new ProcessStartInfo("dotnet", arguments)
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
        try
        {
            silo.Address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60), TimeProvider.System);
        }
        catch
        {
            // A silo that never listened is not left running behind the test.
            await silo.DisposeAsync();
            throw;
        }

        return silo;
    }

    /// <summary>Ends the process at once (SIGKILL), as a crash would, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    /// <summary>Asks the process to stop (SIGTERM), as a service manager or an orchestrator would, and returns without waiting.</summary>
    public async Task TerminateAsync()
    {
        using var terminate = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await terminate.WaitForExitAsync();
    }

    /// <summary>Waits for the process to exit, <paramref name="limit"/> at most: whether it has exited when the wait ends.</summary>
    public async Task<bool> ExitsWithinAsync(TimeSpan limit)
    {
        using var wait = new CancellationTokenSource(limit, TimeProvider.System);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException) when (wait.IsCancellationRequested)
        {
        }

        return process.HasExited;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: http://(?<authority>127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
