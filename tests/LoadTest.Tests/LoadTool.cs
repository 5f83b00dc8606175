using Sesame.LoadTest.Cli;
using Sesame.LoadTest.Inbox;
using Spectre.Console;

namespace Sesame.LoadTest.Tests;

/// <summary>The tool's command line, run in-process on a plain console it records, with a directory for its files.</summary>
internal sealed class LoadTool(ICodeInbox? inbox = null) : IDisposable
{
    private readonly StringWriter output = new();
    private readonly string directory = Directory.CreateTempSubdirectory("sesame-loadtest-").FullName;

    /// <summary>What the tool wrote so far.</summary>
    public string Output => output.ToString();

    /// <summary>A path in the tool's directory.</summary>
    public string PathOf(string name) => Path.Combine(directory, name);

    /// <summary>Runs <paramref name="args"/> and returns the exit code.</summary>
    public Task<int> InvokeAsync(params string[] args) => InvokeAsync(CancellationToken.None, args);

    /// <summary>Runs <paramref name="args"/>, <paramref name="stop"/> standing for Ctrl+C, and returns the exit code.</summary>
    public async Task<int> InvokeAsync(CancellationToken stop, params string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No });
        return await LoadTestCommands.Create(new ToolEnvironment(console, TimeProvider.System, inbox)).Parse(args).InvokeAsync(cancellationToken: stop);
    }

    public void Dispose()
    {
        output.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
