using System.Diagnostics;
using System.Text;
using Sesame.Testing;

namespace Sesame.Cluster.Tests;

/// <summary>
/// A real Azurite Table service (the npm package pinned by <c>tests/azurite/package-lock.json</c>) on a free loopback
/// port, with its data in a temporary folder. It can be stopped and started again on the same port and data, as an
/// outage would; disposing it stops it and deletes the data.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    private readonly string location = Directory.CreateTempSubdirectory("sesame-azurite-").FullName;
    private readonly StringBuilder output = new();
    private Process? process;

    private Azurite(int port) => Port = port;

    public int Port { get; }

    /// <summary>A connection string for Azurite's well-known development account on this port.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1";

    public static async Task<Azurite> StartAsync()
    {
        var azurite = new Azurite(FreePorts.Next());
        await azurite.RestartAsync();
        return azurite;
    }

    /// <summary>Starts the service again after <see cref="StopAsync"/>, on the same port and data.</summary>
    public async Task RestartAsync()
    {
        var main = Path.Combine(RepositoryPaths.Root, "tests", "azurite", "node_modules", "azurite", "dist", "src", "table", "main.js");
        if (!File.Exists(main))
        {
            throw new InvalidOperationException("Azurite is not installed: run `npm ci --prefix tests/azurite` (the README's test command does).");
        }

        var start = new ProcessStartInfo("node", [main, "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--location", location, "--silent", "--disableTelemetry"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var current = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        void Collect(object sender, DataReceivedEventArgs line)
        {
            if (line.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line.Data);
            }

            if (line.Data.Contains("successfully started", StringComparison.Ordinal))
            {
                started.TrySetResult();
            }
        }

        current.OutputDataReceived += Collect;
        current.ErrorDataReceived += Collect;
        current.EnableRaisingEvents = true;
        current.Exited += (_, _) => started.TrySetException(new InvalidOperationException($"Azurite exited: {Output}"));
        current.BeginOutputReadLine();
        current.BeginErrorReadLine();
        process = current;
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System);
    }

    /// <summary>Stops the service as an operator would (SIGINT), so it saves its data, and waits until it has exited.</summary>
    public async Task StopAsync()
    {
        if (process is not { HasExited: false } running)
        {
            return;
        }

        using (var interrupt = Process.Start("kill", ["-INT", running.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        await running.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System);
        running.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync();
        }

        process?.Dispose();
        Directory.Delete(location, recursive: true);
    }

    private string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }
}
