namespace Sesame.LoadTest.Scenarios;

/// <summary>
/// How journeys end: <c>ok</c>; <c>rate-limited</c> (a documented limit answered, as for a member); <c>skipped: …</c>
/// (the tool had no member to play it with); <c>unexpected: …</c> (a reply the journey did not expect);
/// <c>error: METHOD STATUS</c> (a gRPC error). The last two are failures.
/// </summary>
internal static class Outcomes
{
    public const string Ok = "ok";

    public const string RateLimited = "rate-limited";

    public const string NoMember = "skipped: no idle member";

    public static string Unexpected(string what) => $"unexpected: {what}";

    public static string Error(string method, Grpc.Core.StatusCode status) => $"error: {method} {status}";

    public static bool IsFailure(string outcome) =>
        outcome.StartsWith("unexpected", StringComparison.Ordinal) || outcome.StartsWith("error", StringComparison.Ordinal);
}
