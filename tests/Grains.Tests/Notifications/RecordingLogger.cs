using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Sesame.Grains.Tests.Notifications;

/// <summary>Keeps every log line written, formatted with its fields and exception, so tests can read what the log would hold.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        lines.Enqueue($"{logLevel}: {formatter(state, exception)} [{state}] {exception}");
    }
}
