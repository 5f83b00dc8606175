
namespace Sesame.Grains.Interfaces;

/// <summary>One anti-robot challenge, keyed <c>tenant/challengeId</c>. Single use: the first answer consumes it.</summary>
[Alias("sesame.IChallengeGrain")]
public interface IChallengeGrain : IGrainWithStringKey
{
    /// <summary>Records the choice that answers the challenge; returns when the challenge expires.</summary>
    [Alias("IssueAsync")]
    Task<DateTimeOffset> IssueAsync(string answerChoiceId, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="choiceId"/> answers the challenge; false too if it is unknown, expired or used.</summary>
    [Alias("AnswerAsync")]
    Task<bool> AnswerAsync(string choiceId, CancellationToken cancellationToken);
}
