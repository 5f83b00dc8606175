using Sesame.Grains.Interfaces.Recovery;

namespace Sesame.Grains.Interfaces;

/// <summary>
/// "Obtenir son identifiant" for one tenant (its key), once the edge has checked the request and that the tenant offers
/// it (<see cref="Tenants.IdentifierRecoveryPolicy"/>). Each lookup first counts against the NIR's and the client
/// address's budgets, for known and unknown NIRs alike, so that the limit itself tells nothing.
/// </summary>
[Alias("sesame.IIdentifierLookupGrain")]
public interface IIdentifierLookupGrain : IGrainWithStringKey
{
    /// <summary>Sends their identifier to the members <paramref name="query"/> matches that an e-mail (or SMS) reaches.</summary>
    [Alias("RecoverAsync")]
    Task<IdentifierRecoveryResult> RecoverAsync(IdentityQuery query, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>The identifiers of the members <paramref name="query"/> matches that no e-mail (or SMS) reaches and whose IBAN ends with <paramref name="ibanTail"/>.</summary>
    [Alias("RevealAsync")]
    Task<IdentifierRevealResult> RevealAsync(IdentityQuery query, string ibanTail, CallOrigin origin, CancellationToken cancellationToken);
}
