namespace Sesame.Grains;

/// <summary>The stored state of one anti-robot challenge.</summary>
[GenerateSerializer, Alias("sesame.state.ChallengeState")]
internal sealed class ChallengeState
{
    [Id(0)]
    public string AnswerChoiceId { get; set; } = string.Empty;

    [Id(1)]
    public DateTimeOffset ExpiresAt { get; set; }

    [Id(2)]
    public bool Used { get; set; }
}
