using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sesame.Testing;

/// <summary>
/// A real gRPC client: the Node driver <c>interop/driver.mjs</c> on <c>@grpc/grpc-js</c>, over one HTTP/2
/// connection. Calls may run concurrently; each result carries the gRPC status whatever it is.
/// </summary>
public sealed class NodeGrpcClient : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<GrpcCallResult>> pending = new();
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly Task readLoop;
    private readonly ConcurrentQueue<string> errors = new();
    private long lastId;

    private NodeGrpcClient(Process process)
    {
        this.process = process;
        readLoop = Task.Run(ReadLoopAsync);
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                errors.Enqueue(line.Data);
            }
        };
        process.BeginErrorReadLine();
    }

    /// <summary>
    /// Starts the driver against <paramref name="address"/> (host:port), over TLS when <paramref name="caFile"/> names the
    /// certificate to trust, compressing every request with <paramref name="compression"/> (gzip or deflate) if set.
    /// </summary>
    public static NodeGrpcClient Start(string address, string? caFile = null, string? compression = null)
    {
        var driver = Path.Combine(RepositoryPaths.Interop, "driver.mjs");
        if (!Directory.Exists(Path.Combine(RepositoryPaths.Interop, "node_modules", "@grpc", "grpc-js")))
        {
            throw new InvalidOperationException("The Node gRPC client is not installed: run `npm ci --prefix interop` (the README's test command does).");
        }

        string[] arguments = [driver, address, .. caFile is null ? [] : new[] { "--ca", caFile }, .. compression is null ? [] : new[] { "--compression", compression }];
        var start = new ProcessStartInfo("node", arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return new NodeGrpcClient(Process.Start(start) ?? throw new InvalidOperationException("node did not start."));
    }

    /// <summary>Calls <c>package.Service/Method</c> with a JSON request (proto field names).</summary>
    public Task<GrpcCallResult> CallAsync(string method, object request, IReadOnlyDictionary<string, string>? metadata = null, int? timeoutMs = null) =>
        SendAsync(new JsonObject
        {
            ["method"] = method,
            ["request"] = JsonSerializer.SerializeToNode(request),
            ["metadata"] = JsonSerializer.SerializeToNode(metadata ?? new Dictionary<string, string>()),
            ["timeoutMs"] = timeoutMs,
        });

    /// <summary>
    /// Opens a server-streaming call and returns once <paramref name="messages"/> messages came (code 0, the messages
    /// as <c>Response["messages"]</c>) or the stream ended or passed <paramref name="timeoutMs"/>; then cancels it.
    /// </summary>
    public Task<GrpcCallResult> StreamAsync(string method, object request, int messages, int timeoutMs) =>
        SendAsync(new JsonObject
        {
            ["method"] = method,
            ["request"] = JsonSerializer.SerializeToNode(request),
            ["streamMessages"] = messages,
            ["timeoutMs"] = timeoutMs,
        });

    /// <summary>Calls a method with raw bytes as its message, to send what no well-behaved client would.</summary>
    public Task<GrpcCallResult> CallRawAsync(string method, byte[] message) =>
        SendAsync(new JsonObject { ["method"] = method, ["rawRequest"] = Convert.ToBase64String(message) });

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill(entireProcessTree: true);
        }

        await readLoop;
        process.Dispose();
        writeGate.Dispose();
    }

    private async Task<GrpcCallResult> SendAsync(JsonObject command)
    {
        var id = Interlocked.Increment(ref lastId);
        command["id"] = id;
        var completion = new TaskCompletionSource<GrpcCallResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = completion;
        await writeGate.WaitAsync();
        try
        {
            await process.StandardInput.WriteLineAsync(command.ToJsonString());
            await process.StandardInput.FlushAsync();
        }
        finally
        {
            writeGate.Release();
        }

        return await completion.Task.WaitAsync(TimeSpan.FromSeconds(60), TimeProvider.System);
    }

    private async Task ReadLoopAsync()
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            var result = JsonNode.Parse(line)!.AsObject();
            var id = result["id"]?.GetValue<long>();
            if (id is null || !pending.TryRemove(id.Value, out var completion))
            {
                continue;
            }

            if (result["error"] is { } error)
            {
                completion.SetException(new InvalidOperationException($"Node driver: {error}"));
                continue;
            }

            completion.SetResult(new GrpcCallResult(
                (int)result["code"]!.GetValue<double>(),
                result["details"]?.GetValue<string>() ?? string.Empty,
                result["response"] as JsonObject,
                result["metadata"] as JsonObject ?? [],
                result["trailers"] as JsonObject ?? []));
        }

        var stderr = string.Join(Environment.NewLine, errors);
        foreach (var completion in pending.Values)
        {
            completion.TrySetException(new InvalidOperationException($"The Node driver exited. {stderr}"));
        }
    }
}
