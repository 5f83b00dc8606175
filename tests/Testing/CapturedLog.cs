using System.Collections;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Sesame.Testing;

/// <summary>
/// A logging provider that keeps, in memory, everything a provider is handed: for each entry its category, level,
/// event, formatted message, every state field, the scopes it was written in and its exception in full, as an
/// exporter would ship them.
/// </summary>
public sealed class CapturedLog : ILoggerProvider, ISupportExternalScope
{
    private readonly StringBuilder text = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public int Count { get; private set; }

    /// <summary>Everything captured so far, one entry after the other.</summary>
    public string Text
    {
        get
        {
            lock (text)
            {
                return text.ToString();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private void Write<TState>(string category, LogLevel level, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var entry = new StringBuilder().Append(level).Append(' ').Append(category).Append('[').Append(eventId.Id).Append(' ').Append(eventId.Name).Append("]: ")
            .AppendLine(formatter(state, exception));
        AppendFields(entry, "state", state);
        scopes.ForEachScope((scope, builder) => AppendFields(builder, "scope", scope), entry);
        if (exception is not null)
        {
            entry.AppendLine(exception.ToString());
        }

        lock (text)
        {
            text.Append(entry);
            Count++;
        }
    }

    private static void AppendFields(StringBuilder entry, string kind, object? fields)
    {
        if (fields is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, value) in pairs)
            {
                entry.Append("  ").Append(kind).Append(' ').Append(key).Append('=').AppendLine(value is IEnumerable and not string ? string.Join(",", ((IEnumerable)value).Cast<object?>()) : value?.ToString());
            }
        }
        else if (fields is not null)
        {
            entry.Append("  ").Append(kind).Append(' ').AppendLine(fields.ToString());
        }
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => log.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Write(category, logLevel, eventId, state, exception, formatter);
    }
}
