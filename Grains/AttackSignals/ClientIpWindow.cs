namespace Sesame.Grains.AttackSignals;

/// <summary>The refused sign-ins of one client IP, and its signal's episode.</summary>
internal sealed class ClientIpWindow(string clientIp, FailureWindow window)
{
    public string ClientIp { get; } = clientIp;

    public FailureWindow Window { get; } = window;

    public SignalEpisode Episode { get; } = new();
}
