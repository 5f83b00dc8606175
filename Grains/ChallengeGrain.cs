using System.Security.Cryptography;
using System.Text;
using Sesame.Grains.Interfaces;

namespace Sesame.Grains;

[GrainType("challenge")]
internal sealed class ChallengeGrain([PersistentState("challenge")] IPersistentState<ChallengeState> challenge, TimeProvider time) : Grain, IChallengeGrain
{
    public async Task<DateTimeOffset> IssueAsync(string answerChoiceId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(answerChoiceId);
        if (challenge.RecordExists)
        {
            throw new InvalidOperationException("A challenge with this id exists already; ids are random and never reused.");
        }

        challenge.State = new ChallengeState { AnswerChoiceId = answerChoiceId, ExpiresAt = time.GetUtcNow() + lifetime };
        await challenge.WriteStateAsync(CancellationToken.None);
        return challenge.State.ExpiresAt;
    }

    public async Task<bool> AnswerAsync(string choiceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choiceId);
        if (!challenge.RecordExists || challenge.State.Used || challenge.State.ExpiresAt <= time.GetUtcNow())
        {
            return false;
        }

        challenge.State.Used = true;
        await challenge.WriteStateAsync(CancellationToken.None);
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(challenge.State.AnswerChoiceId), Encoding.UTF8.GetBytes(choiceId));
    }
}
