using Sesame.Grains.Interfaces.Activation;
using Sesame.Grains.Interfaces.Recovery;

namespace Sesame.Grains.Interfaces;

/// <summary>
/// A member's space (Mon espace santé), keyed like the member's account (see <see cref="MemberAccountKey"/>): its
/// activation with a provisional code, the Vitale card it checks, the deadline after which the space is created, and
/// closing it. What belongs to the account (contacts, terms, secret, sessions, audit trail, outbox) stays there: the
/// space asks the account through <see cref="IMemberAccountGrain"/>.
/// </summary>
[Alias("sesame.IMemberSpaceGrain")]
public interface IMemberSpaceGrain : IGrainWithStringKey
{
    /// <summary>Keeps the member's Vitale card for the activation to check; the account hands it over when it is created.</summary>
    [Alias("SetVitaleCardAsync")]
    Task SetVitaleCardAsync(VitaleCard card, CancellationToken cancellationToken);

    /// <summary>
    /// Sends a provisional code to activate the space, by e-mail or else by letter; the first one starts the deadline
    /// after which the space is created unless the member opposes.
    /// </summary>
    [Alias("IssueProvisionalCodeAsync")]
    Task<ProvisionalCodeIssue> IssueProvisionalCodeAsync(CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>Creates the space if its deadline has passed without a decision; true once the space no longer waits for it.</summary>
    [Alias("ApplyDeadlineAsync")]
    Task<bool> ApplyDeadlineAsync(CancellationToken cancellationToken);

    /// <summary>
    /// "Je m'identifie": starts activation <paramref name="activationId"/> if the provisional code is right; tries are
    /// counted on the code and on the account's budget of wrong codes.
    /// </summary>
    [Alias("StartActivationAsync")]
    Task<ActivationResult> StartActivationAsync(string provisionalCode, string activationId, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>"Ma carte Vitale": checks the card's kind and serial number against the member's.</summary>
    [Alias("CheckVitaleCardAsync")]
    Task<ActivationResult> CheckVitaleCardAsync(string activationId, VitaleCard card, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>
    /// "Je prends ma décision": opposing ends the activation; activating records the accepted terms and data
    /// protection policy, with their versions, and tells the contacts on file, masked.
    /// </summary>
    [Alias("DecideAsync")]
    Task<ActivationResult> DecideAsync(string activationId, ActivationDecision decision, string termsVersion, string privacyPolicyVersion, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>"Modifier l'adresse e-mail" or "le numéro de mobile": sends a code to the new contact, which changes once the code comes back.</summary>
    [Alias("ChangeContactAsync")]
    Task<ActivationResult> ChangeContactAsync(string activationId, CodeChannel channel, string newContact, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>The code sent to a new contact: right, the contact changes and the old one is told.</summary>
    [Alias("VerifyContactAsync")]
    Task<ActivationResult> VerifyContactAsync(string activationId, string code, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>"Continuer" on the contacts: the contacts on file are confirmed; a change whose code did not come back is dropped.</summary>
    [Alias("ConfirmContactsAsync")]
    Task<ActivationResult> ConfirmContactsAsync(string activationId, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>"Je choisis mon identifiant et mon mot de passe": the last step; the space becomes active.</summary>
    [Alias("ChooseCredentialsAsync")]
    Task<ActivationResult> ChooseCredentialsAsync(string activationId, string identifier, string password, CallOrigin origin, CancellationToken cancellationToken);

    /// <summary>"Clôturer votre espace": ends every session and takes the password away; false unless the space is active.</summary>
    [Alias("CloseAsync")]
    Task<bool> CloseAsync(CallOrigin origin, CancellationToken cancellationToken);
}
