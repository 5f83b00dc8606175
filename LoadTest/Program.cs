using System.CommandLine;
using Sesame.LoadTest.Cli;
using Spectre.Console;

// Ctrl+C stops the arrivals and cuts the journeys; the check and the report then get a minute to finish.
return await LoadTestCommands.Create(new ToolEnvironment(AnsiConsole.Console, TimeProvider.System))
    .Parse(args)
    .InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(1) });
