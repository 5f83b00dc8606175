
namespace Sesame.Grains.Interfaces;

/// <summary>One signed-in session, keyed by <see cref="TokenKey.For"/>; the token itself is never stored.</summary>
[Alias("sesame.ISessionGrain")]
public interface ISessionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Opens the session for <paramref name="accountKey"/>, whose member signs in as <paramref name="identifier"/>, and
    /// returns when it ends at the latest.
    /// </summary>
    [Alias("StartAsync")]
    Task<DateTimeOffset> StartAsync(string accountKey, string identifier, Tenants.SessionPolicy policy, CancellationToken cancellationToken);

    /// <summary>Checks the session and counts this as use, which pushes its idle end back.</summary>
    [Alias("ValidateAsync")]
    Task<SessionValidation> ValidateAsync(CancellationToken cancellationToken);

    /// <summary>Ends the session; false if it had already ended or never existed.</summary>
    [Alias("EndAsync")]
    Task<bool> EndAsync(CancellationToken cancellationToken);

    /// <summary>Ends the session and returns its account's key, or null if it had already ended or never existed.</summary>
    [Alias("LogoutAsync")]
    Task<string?> LogoutAsync(CancellationToken cancellationToken);
}
