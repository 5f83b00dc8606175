using Orleans.Concurrency;
using Sesame.Grains.Hashing;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.Grains.Recovery;

namespace Sesame.Grains;

/// <summary>
/// Finds the members of a lookup through the NIR's directory and asks each account whether it matches; stateless, so
/// every silo answers from a local activation, while the budgets and the accounts are single activations.
/// </summary>
[GrainType("identifier-lookup")]
[StatelessWorker]
[Reentrant]
internal sealed class IdentifierLookupGrain(LookupLimiter limiter, IKeyedDigest digest, ISecretHasher hasher, ITenantPolicies tenants) : Grain, IIdentifierLookupGrain
{
    private const string ClientIpPurpose = "client-ip";

    private string Tenant => this.GetPrimaryKeyString();

    public async Task<IdentifierRecoveryResult> RecoverAsync(IdentityQuery query, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(origin);
        var nirDigest = digest.LookupKey(Nir.LookupPurpose, query.Nir);
        if (await TakeLookupAsync(nirDigest, origin, cancellationToken) is { } retryAfter)
        {
            return IdentifierRecoveryResult.TooManyAttempts(retryAfter);
        }

        var reached = new List<IdentityMatch>();
        foreach (var (account, match) in await FindMatchesAsync(nirDigest, query, cancellationToken))
        {
            if (match.Channel is not null && await account.SendIdentifierAsync(origin, cancellationToken))
            {
                reached.Add(match);
            }
        }

        var byEmail = reached.Where(match => match.Channel == CodeChannel.Email).Select(match => match.MaskedDestination!).ToArray();
        var bySms = reached.Where(match => match.Channel == CodeChannel.Sms).Select(match => match.MaskedDestination!).ToArray();
        return (byEmail.Length, bySms.Length) switch
        {
            ( > 0, _) => IdentifierRecoveryResult.EmailSent(byEmail, bySms),
            (_, > 0) => IdentifierRecoveryResult.SmsSent(bySms),
            _ => IdentifierRecoveryResult.IbanRequired,
        };
    }

    public async Task<IdentifierRevealResult> RevealAsync(IdentityQuery query, string ibanTail, CallOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(ibanTail);
        ArgumentNullException.ThrowIfNull(origin);
        var nirDigest = digest.LookupKey(Nir.LookupPurpose, query.Nir);
        if (await TakeLookupAsync(nirDigest, origin, cancellationToken) is { } retryAfter)
        {
            return IdentifierRevealResult.TooManyAttempts(retryAfter);
        }

        // Members the identifier reaches by e-mail (or SMS) get it that way only, as the help pages say.
        var candidates = (await FindMatchesAsync(nirDigest, query, cancellationToken)).Where(candidate => candidate.Match.Channel is null).ToArray();
        if (candidates.Length == 0)
        {
            // The work of one comparison, as for a member.
            hasher.VerifyDummy(ibanTail);
        }

        var revealed = new List<string>();
        foreach (var (account, match) in candidates)
        {
            if (await account.CheckIbanTailAsync(ibanTail, origin, cancellationToken))
            {
                revealed.Add(match.Identifier);
            }
        }

        return revealed.Count > 0 ? IdentifierRevealResult.Revealed(revealed) : IdentifierRevealResult.NotMatched;
    }

    /// <summary>Takes one lookup from the NIR's and the client address's budgets; how long to wait when either is spent.</summary>
    private Task<TimeSpan?> TakeLookupAsync(string nirDigest, CallOrigin origin, CancellationToken cancellationToken)
    {
        var rules = tenants.Find(Tenant) is { IdentifierRecovery: { Enabled: true } offered }
            ? offered
            : throw new InvalidOperationException($"Tenant '{Tenant}' does not offer identifier recovery; the edge checks it first.");
        var client = origin.ClientIp is { } ip ? digest.LookupKey(ClientIpPurpose, ip) : $"caller:{origin.Caller}";
        return limiter.TryAcquireAsync(
            [($"{Tenant}/nir/{nirDigest}", rules.MaxLookupsPerMember), ($"{Tenant}/ip/{client}", rules.MaxLookupsPerClientIp)],
            rules.Window,
            cancellationToken);
    }

    private async Task<IReadOnlyList<(IMemberAccountGrain Account, IdentityMatch Match)>> FindMatchesAsync(string nirDigest, IdentityQuery query, CancellationToken cancellationToken)
    {
        var matches = new List<(IMemberAccountGrain, IdentityMatch)>();
        foreach (var accountKey in await GrainFactory.GetGrain<IMemberDirectoryGrain>(MemberAccountKey.For(Tenant, nirDigest)).ListAsync(cancellationToken))
        {
            var account = GrainFactory.GetGrain<IMemberAccountGrain>(accountKey);
            if (await account.MatchIdentityAsync(nirDigest, query.BirthDate, query.PostalCode, cancellationToken) is { } match)
            {
                matches.Add((account, match));
            }
        }

        return matches;
    }
}
