namespace Sesame.Grains.Interfaces.Telemetry;

/// <summary>
/// An exception as a log may show it: the types and stack traces of the original and of its inner exceptions, without
/// their messages, which can quote what the failed call held (an SMTP server's reply quotes the recipient, a parse
/// error the text it read).
/// </summary>
public sealed class RedactedException : Exception
{
    private readonly string? stackTrace;

    private RedactedException(string message, string? stackTrace)
        : base(message)
    {
        this.stackTrace = stackTrace;
    }

    public override string? StackTrace => stackTrace;

    /// <summary>The redacted form of <paramref name="exception"/>.</summary>
    public static RedactedException Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var chain = Chain(exception).ToList();
        var message = $"{string.Join(" ---> ", chain.Select(link => link.GetType().FullName))} (message withheld: it may hold personal data)";
        var stacks = chain.Skip(1).Reverse()
            .Select(inner => $"{inner.StackTrace}{Environment.NewLine}   --- End of inner {inner.GetType().FullName} stack trace ---")
            .Append(exception.StackTrace);
        return new RedactedException(message, string.Join(Environment.NewLine, stacks.Where(stack => !string.IsNullOrEmpty(stack))));
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        yield return exception;
        var inners = exception is AggregateException aggregate ? aggregate.InnerExceptions : exception.InnerException is { } inner ? [inner] : [];
        foreach (var link in inners.SelectMany(Chain))
        {
            yield return link;
        }
    }
}
