using System.Text.RegularExpressions;

namespace Sesame.LoadTest.Inbox;

/// <summary>Reading one-time codes out of Sésame's messages, and waiting for a new one.</summary>
internal static partial class OneTimeCodes
{
    /// <summary>The one-time code a message's text carries ("… à usage unique : 123456.", "Code provisoire : …"), or null.</summary>
    public static string? In(string body) => CodeLine().Match(body) is { Success: true } match ? match.Groups["code"].Value : null;

    /// <summary>
    /// Waits for the code after the first <paramref name="seen"/> codes to <paramref name="address"/> (count them
    /// before asking for the code), polling every 100 ms up to <paramref name="timeout"/>; null if none came.
    /// </summary>
    public static async Task<string?> WaitForNewAsync(this ICodeInbox inbox, string address, int seen, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        ArgumentNullException.ThrowIfNull(time);
        var started = time.GetTimestamp();
        while (true)
        {
            var codes = await inbox.CodesToAsync(address, cancellationToken);
            if (codes.Count > seen)
            {
                return codes[^1];
            }

            if (time.GetElapsedTime(started) >= timeout)
            {
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }
    }

    [GeneratedRegex(@"(?:à usage unique|Code provisoire) : (?<code>[A-Z0-9]+)")]
    private static partial Regex CodeLine();
}
