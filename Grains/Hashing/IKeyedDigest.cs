namespace Sesame.Grains.Hashing;

/// <summary>
/// HMAC-SHA256 under the pepper keys: one-time codes and reset tokens are kept only as seals, and a NIR is found by
/// its lookup key, so the store alone gives none of them away.
/// </summary>
public interface IKeyedDigest
{
    /// <summary>Seals <paramref name="value"/> for <paramref name="purpose"/> with the current pepper, naming the key used.</summary>
    string Seal(string purpose, string value);

    /// <summary>Whether <paramref name="seal"/> was made from <paramref name="value"/> for <paramref name="purpose"/>; fixed time.</summary>
    bool Matches(string seal, string purpose, string value);

    /// <summary>A stable key for finding records by <paramref name="value"/>, lower-case hex.</summary>
    string LookupKey(string purpose, string value);
}
