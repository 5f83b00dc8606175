using Sesame.LoadTest.Inbox;
using Spectre.Console;

namespace Sesame.LoadTest.Cli;

/// <summary>What the commands run with: the console, the clock, and an inbox that replaces <c>--smtp4dev</c> (tests read the server's dev outbox).</summary>
internal sealed record ToolEnvironment(IAnsiConsole Console, TimeProvider Time, ICodeInbox? Inbox = null);
