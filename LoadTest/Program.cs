using Sesame.LoadTest.Cli;
using Spectre.Console;

return await LoadTestCommands.Create(new ToolEnvironment(AnsiConsole.Console, TimeProvider.System)).Parse(args).InvokeAsync();
