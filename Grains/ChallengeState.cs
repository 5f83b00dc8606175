namespace Sesame.Grains;

/// <summary>The stored state of one anti-robot challenge.</summary>
internal sealed class ChallengeState
{
    public string AnswerChoiceId { get; set; } = string.Empty;

    public DateTimeOffset ExpiresAt { get; set; }

    public bool Used { get; set; }
}
