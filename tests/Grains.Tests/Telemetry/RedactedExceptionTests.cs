using Sesame.Grains.Interfaces.Telemetry;

namespace Sesame.Grains.Tests.Telemetry;

public sealed class RedactedExceptionTests
{
    [Fact]
    public void Of_ExceptionWithInnerQuotingAnAddress_TypesAndStackTracesWithoutAnyMessage()
    {
        var inner = Caught(() => throw new FormatException("The input string 'alice@example.fr' was not in a correct format."));
        var thrown = Caught(() => throw new InvalidOperationException("Delivery to alice@example.fr failed.", inner));

        var redacted = RedactedException.Of(thrown).ToString();

        Assert.DoesNotContain("alice", redacted, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException ---> System.FormatException (message withheld", redacted, StringComparison.Ordinal);
        Assert.Contains($"{nameof(RedactedExceptionTests)}.{nameof(Caught)}", redacted, StringComparison.Ordinal);
        Assert.Contains("--- End of inner System.FormatException stack trace ---", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_AggregateException_EveryInnerTypeNamed()
    {
        var aggregate = new AggregateException(new TimeoutException("alice"), new IOException("bob"));

        var redacted = RedactedException.Of(aggregate).Message;

        Assert.Equal("System.AggregateException ---> System.TimeoutException ---> System.IO.IOException (message withheld: it may hold personal data)", redacted);
    }

    private static Exception Caught(Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception)
        {
            return exception;
        }

        throw new InvalidOperationException("Nothing was thrown.");
    }
}
