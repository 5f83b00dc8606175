using System.Security.Cryptography;
using Sesame.Grains.Interfaces;

namespace Sesame.Grains;

[GrainType("keypad")]
internal sealed class KeypadGrain([PersistentState("keypad")] IPersistentState<KeypadState> keypad, TimeProvider time) : Grain, IKeypadGrain
{
    public async Task<IssuedKeypad> IssueAsync(TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (keypad.RecordExists)
        {
            throw new InvalidOperationException("A keypad with this id exists already; ids are random and never reused.");
        }

        var digits = Enumerable.Range(0, 10).ToArray();
        RandomNumberGenerator.Shuffle(digits.AsSpan());
        keypad.State = new KeypadState { Digits = [.. digits], ExpiresAt = time.GetUtcNow() + lifetime };
        await keypad.WriteStateAsync(CancellationToken.None);
        return new IssuedKeypad(digits, keypad.State.ExpiresAt);
    }

    public async Task<string?> ResolveAsync(IReadOnlyList<int> positions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(positions);
        if (!keypad.RecordExists || keypad.State.Used || keypad.State.ExpiresAt <= time.GetUtcNow())
        {
            return null;
        }

        keypad.State.Used = true;
        await keypad.WriteStateAsync(CancellationToken.None);
        return string.Concat(positions.Select(position => keypad.State.Digits[position]));
    }
}
