namespace Sesame.Grains.AttackSignals;

/// <summary>
/// When refused sign-ins of a tenant raise an attack signal (<c>Sesame:AttackSignals</c>). The defaults fit a portal
/// where a few thousand members sign in an hour (up to about 100 a minute at peak): with one sign-in in ten refused
/// (a mistyped PIN), a peak's 10 minutes refuse about 100 distinct accounts, from about as many client IPs, each on
/// one to a few accounts (a household). The same settings hold for every tenant.
/// </summary>
public sealed class AttackSignalOptions
{
    /// <summary>The sliding window the figures count in, in whole minutes (its buckets), from 1 to 60. Default: 10 minutes.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The distinct accounts (identifiers with no account included) refused in the window that signal a
    /// credential-stuffing wave, from 2 to 1,000,000. Default: 300, three times a peak's 100; a robot trying one
    /// identifier a second reaches it in 5 minutes.
    /// </summary>
    public int FailedAccountsThreshold { get; set; } = 300;

    /// <summary>
    /// The distinct accounts one client IP is refused on in the window that signal it, from 2 to 100,000. Default:
    /// 20; a household is refused on a few, and even an office's or a mobile operator's shared address rarely on 20
    /// in 10 minutes.
    /// </summary>
    public int ClientIpAccountsThreshold { get; set; } = 20;

    /// <summary>
    /// How many client IPs a tenant's window follows at most, from 100 to 1,000,000; past that, the IP refused
    /// longest ago is dropped. Default: 10,000, a hundred times a peak's 100, in a few megabytes.
    /// </summary>
    public int MaxTrackedClientIps { get; set; } = 10_000;

    /// <summary>
    /// How many distinct accounts a tenant's window remembers: ten times <see cref="FailedAccountsThreshold"/>. Past
    /// that, refusals on other accounts are counted as refused sign-ins only, and the distinct accounts figure stays
    /// at this ceiling, so a wave over millions of identifiers holds a bounded memory (3,000 keys by default).
    /// </summary>
    internal int MaxTrackedAccounts => FailedAccountsThreshold * 10;

    /// <summary>How many distinct accounts each client IP's window remembers: twice <see cref="ClientIpAccountsThreshold"/>.</summary>
    internal int MaxTrackedAccountsPerClientIp => ClientIpAccountsThreshold * 2;

    /// <summary>The window's length in buckets of one minute.</summary>
    internal int Buckets => (int)(Window.Ticks / TimeSpan.TicksPerMinute);
}
