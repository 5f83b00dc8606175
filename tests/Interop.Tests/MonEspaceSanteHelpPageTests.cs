using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>
/// "Mon Espace Santé" (tenant mes), every screen of the help page through grpc-js: the e-mail with the provisional
/// code, "Je m'identifie", "Ma carte Vitale", "Je prends ma décision", "Je vérifie mes coordonnées de contact", "Je
/// choisis mon identifiant et mon mot de passe", "Connexion" with the access code, and "Se déconnecter".
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class MonEspaceSanteHelpPageTests(SesameServerFixture fixture)
{
    private SesameServer Server => fixture.Server;

    private SpacePortal Portal => new(Server);

    [Fact]
    public async Task ProvisionalCodeEmail_MemberWithEmail_TwelveCharacterCodeAndSixWeekDeadline()
    {
        // "Vous venez de recevoir le message pour activer votre espace santé" — "Dans un délai de 6 semaines à partir de
        // la réception de cet e-mail, le service Mon espace santé sera créé automatiquement".
        var member = await Portal.ImportAsync();

        var issue = await Portal.IssueProvisionalCodeAsync(member);

        Assert.Equal("CODE_CHANNEL_EMAIL", issue.Field("channel"));
        var sixWeeks = Server.Clock.GetUtcNow().AddDays(42);
        Assert.Equal(sixWeeks.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), issue.Response!["deadline"]!["seconds"]!.ToString());
        Assert.Equal(issue.Response["deadline"]!.ToJsonString(), issue.Response["code_expires_at"]!.ToJsonString());
        var email = await Server.WaitForMessageAsync(member.email, "Code provisoire");
        Assert.Equal("Avec Mon espace santé, vous avez la main sur votre santé", email.Subject);
        Assert.Matches("^[A-HJKMNP-Z2-9]{12}$", SpacePortal.ProvisionalCodeIn(email.Body));
        Assert.Contains("créé automatiquement", email.Body, StringComparison.Ordinal);
        Assert.Contains(sixWeeks.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProvisionalCodeLetter_MemberWithoutEmail_QueuedForPrinting()
    {
        // "saisir le code provisoire reçu par e-mail ou courrier".
        var member = await Portal.ImportAsync(record => record with { email = string.Empty });

        var issue = await Portal.IssueProvisionalCodeAsync(member);

        Assert.Equal("CODE_CHANNEL_LETTER", issue.Field("channel"));
        var letter = Assert.Single(await Server.LettersForAsync(SpacePortal.Tenant, member.identifier));
        Assert.Equal("LETTER_KIND_PROVISIONAL_CODE", (string?)letter["kind"]);
        var code = (string)letter["security_code"]!;
        Assert.Equal("IDENTIFY_STATUS_IDENTIFIED", (await Portal.IdentifyAsync(code, member.nir)).Field("status"));
    }

    [Fact]
    public async Task JeMIdentifie_CodeAndNirWrittenWithSpaces_Identified()
    {
        // "N° de sécurité sociale à 15 chiffres tel qu'il est écrit sur la carte vitale (avec les espaces)".
        var member = await Portal.ImportAsync();
        var code = await Portal.SendProvisionalCodeAsync(member);
        var nir = member.nir;
        var written = $"{nir[0]} {nir[1..3]} {nir[3..5]} {nir[5..7]} {nir[7..10]} {nir[10..13]} {nir[13..]}";

        var identified = await Portal.IdentifyAsync(code.ToLowerInvariant(), written);

        Assert.Equal("IDENTIFY_STATUS_IDENTIFIED", identified.Field("status"));
        Assert.True(Grains.Interfaces.RandomToken.IsWellFormed(identified.Field("activation_id")!));
        Assert.Contains("AUDIT_EVENT_ACTIVATION_STARTED", await Server.AuditEventsAsync(SpacePortal.Tenant, member.identifier));
    }

    [Fact]
    public async Task JeMIdentifie_WrongCode_RefusedExactlyLikeAnUnknownNir()
    {
        var member = await Portal.ImportAsync();
        var code = await Portal.SendProvisionalCodeAsync(member);
        var wrong = code[..^1] + (code[^1] == 'A' ? 'B' : 'A');

        var wrongCode = await Portal.IdentifyAsync(wrong, member.nir);
        var unknownNir = await Portal.IdentifyAsync(code, TestIdentifiers.Nir());

        Assert.Equal("IDENTIFY_STATUS_REFUSED", wrongCode.Field("status"));
        Assert.Equal(wrongCode.Response!.ToJsonString(), unknownNir.Response!.ToJsonString());
        Assert.Equal("AUDIT_EVENT_CODE_REJECTED", (await Server.AuditEventsAsync(SpacePortal.Tenant, member.identifier))[^1]);
    }

    [Fact]
    public async Task JeMIdentifie_FiveWrongCodes_CodeDeadEvenIfRightAfter()
    {
        var member = await Portal.ImportAsync();
        var code = await Portal.SendProvisionalCodeAsync(member);

        for (var i = 0; i < 5; i++)
        {
            await Portal.IdentifyAsync("ABCDEFGHJKMN" == code ? "NMKJHGFEDCBA" : "ABCDEFGHJKMN", member.nir);
        }

        Assert.Equal("IDENTIFY_STATUS_REFUSED", (await Portal.IdentifyAsync(code, member.nir)).Field("status"));
    }

    [Theory]
    [InlineData("ABCDEFGHJKM", "provisional_code")]
    [InlineData("ABCDEFGHJKMO", "provisional_code")]
    [InlineData("ABCDEFGHJK-N", "provisional_code")]
    [InlineData("ABCDEFGHJKMN", "nir", true)]
    public async Task JeMIdentifie_BadInput_InvalidArgumentNamingTheFieldAndNothingCounted(string code, string field, bool badNirKey = false)
    {
        var member = await Portal.ImportAsync();
        await Portal.SendProvisionalCodeAsync(member);
        var nir = badNirKey ? member.nir[..13] + (member.nir[13..] == "01" ? "02" : "01") : member.nir;
        var before = await Server.AuditEventsAsync(SpacePortal.Tenant, member.identifier);

        var result = await Portal.IdentifyAsync(code, nir);

        Assert.Equal(3, result.Code);
        Assert.Equal([field], SesameServer.ViolatedFields(result));
        Assert.Equal(before, await Server.AuditEventsAsync(SpacePortal.Tenant, member.identifier));
    }

    [Fact]
    public async Task MaCarteVitale_RightKindAndSerialWithSpaces_Checked()
    {
        // "Choisir son type de carte vitale (avec ou sans photo)", "Documenter le N° de série de la carte vitale".
        var member = await Portal.ImportAsync();
        var identified = await Portal.IdentifyAsync(await Portal.SendProvisionalCodeAsync(member), member.nir);
        var serial = member.vitale_card_serial;

        var checkedCard = await Portal.CheckCardAsync(identified.Field("activation_id")!, member, serial: $"{serial[..4]} {serial[4..]}");

        Assert.Equal(0, checkedCard.Code);
    }

    [Fact]
    public async Task MaCarteVitale_SerialOrKindThatDoesNotMatch_InvalidArgumentAndTheThirdEndsTheActivation()
    {
        var member = await Portal.ImportAsync();
        var activationId = (await Portal.IdentifyAsync(await Portal.SendProvisionalCodeAsync(member), member.nir)).Field("activation_id")!;

        var wrongSerial = await Portal.CheckCardAsync(activationId, member, serial: "8099999999");
        var wrongKind = await Portal.CheckCardAsync(activationId, member, kind: "VITALE_CARD_KIND_WITHOUT_PHOTO");
        var third = await Portal.CheckCardAsync(activationId, member, serial: "8099999998");
        var rightAfter = await Portal.CheckCardAsync(activationId, member);

        Assert.Equal(3, wrongSerial.Code);
        Assert.Equal(["serial_number"], SesameServer.ViolatedFields(wrongSerial));
        Assert.Contains("2 tries left", wrongSerial.Details, StringComparison.Ordinal);
        Assert.Equal(3, wrongKind.Code);
        Assert.Equal(["serial_number"], SesameServer.ViolatedFields(wrongKind));
        Assert.Equal(9, third.Code);
        Assert.Equal(9, rightAfter.Code);
        Assert.Contains("Identify", rightAfter.Details, StringComparison.Ordinal);
        Assert.Equal(3, (await Server.AuditEventsAsync(SpacePortal.Tenant, member.identifier)).Count(e => e == "AUDIT_EVENT_VITALE_CARD_REJECTED"));
    }

    [Fact]
    public async Task JePrendsMaDecision_Activate_TermsAndPrivacyPolicyRecordedWithVersionsAndContactsShownMasked()
    {
        // "J'active Mon espace santé" — "J'accepte les Conditions Générales d'Utilisation et la Politique de protection
        // des données personnelles" — then "Vérifier les coordonnées de contact (ce sont celles données sur Amélie)".
        var member = await Portal.ImportAsync();
        var activationId = await Portal.IdentifyWithCardAsync(member, await Portal.SendProvisionalCodeAsync(member));

        var decided = await Portal.ActivateDecisionAsync(activationId);

        Assert.Equal("DECIDE_STATUS_ACTIVATING", decided.Field("status"));
        Assert.Equal("c****@e****.fr", decided.Field("masked_email"));
        Assert.Equal($"+337******{member.mobile[^2..]}", decided.Field("masked_mobile"));
        Assert.Equal(string.Empty, decided.Field("identifier"));
        var events = await Server.AuditEventsAsync(SpacePortal.Tenant, member.identifier);
        Assert.Equal(["AUDIT_EVENT_TERMS_ACCEPTED", "AUDIT_EVENT_PRIVACY_POLICY_ACCEPTED"], events[^2..]);
    }

    [Fact]
    public async Task JePrendsMaDecision_OldTermsVersion_InvalidArgumentNamingIt()
    {
        var member = await Portal.ImportAsync();
        var activationId = await Portal.IdentifyWithCardAsync(member, await Portal.SendProvisionalCodeAsync(member));

        var result = await Portal.CallAsync("Decide", new { tenant = SpacePortal.Tenant, activation_id = activationId, decision = "ACTIVATION_DECISION_ACTIVATE", terms_version = "cgu-2019-01", privacy_policy_version = SpacePortal.PrivacyPolicyVersion });

        Assert.Equal(3, result.Code);
        Assert.Equal(["terms_version"], SesameServer.ViolatedFields(result));
        Assert.Contains("cgu-2022-01", result.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JeMOppose_OppositionRecorded_ThenTheMemberChangesMindWithTheSameCode()
    {
        // "Je m'oppose à la création de Mon espace santé ... Si je change d'avis, je peux à tout moment l'activer."
        var member = await Portal.ImportAsync();
        var code = await Portal.SendProvisionalCodeAsync(member);
        var firstVisit = await Portal.IdentifyWithCardAsync(member, code);

        var opposed = await Portal.OpposeAsync(firstVisit);
        var afterOpposition = await Portal.ConfirmContactsAsync(firstVisit);
        var secondVisit = await Portal.IdentifyWithCardAsync(member, code);
        await Portal.ActivateDecisionAsync(secondVisit);
        await Portal.ConfirmContactsAsync(secondVisit);
        var identifier = SpacePortal.NewIdentifier();
        var activated = await Portal.ChooseCredentialsAsync(secondVisit, identifier);

        Assert.Equal("DECIDE_STATUS_OPPOSED", opposed.Field("status"));
        Assert.Equal(9, afterOpposition.Code);
        Assert.Equal("CHOOSE_CREDENTIALS_STATUS_ACTIVATED", activated.Field("status"));
        var events = await Server.AuditEventsAsync(SpacePortal.Tenant, member.identifier);
        Assert.True(Array.IndexOf(events, "AUDIT_EVENT_SPACE_OPPOSED") < Array.IndexOf(events, "AUDIT_EVENT_SPACE_ACTIVATED"));
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", (await Portal.SignInAsync(member, identifier)).Field("status"));
    }

    [Fact]
    public async Task JeVerifieMesCoordonnees_NewEmail_CodeSentToItThenChangedAndTheOldAddressTold()
    {
        // "Vérifier les coordonnées de contact ... au besoin les modifier : 1. Adresse e-mail."
        var member = await Portal.ImportAsync();
        var activationId = await Portal.IdentifyWithCardAsync(member, await Portal.SendProvisionalCodeAsync(member));
        await Portal.ActivateDecisionAsync(activationId);
        var newEmail = $"n{Guid.NewGuid():N}@courriel.fr";

        var change = await Portal.CallAsync("ChangeContact", new { tenant = SpacePortal.Tenant, activation_id = activationId, email = newEmail });
        var code = SesameServer.CodeIn(await Server.WaitForMessageAsync(newEmail, "code de vérification"));
        var wrong = await Portal.CallAsync("VerifyContact", new { tenant = SpacePortal.Tenant, activation_id = activationId, code = code == "000000" ? "111111" : "000000" });
        var verified = await Portal.CallAsync("VerifyContact", new { tenant = SpacePortal.Tenant, activation_id = activationId, code });

        Assert.Equal(("CHANGE_CONTACT_STATUS_CODE_SENT", "n****@c****.fr"), (change.Field("status"), change.Field("masked_destination")));
        Assert.Equal("VERIFY_CONTACT_STATUS_REFUSED", wrong.Field("status"));
        Assert.Equal(("VERIFY_CONTACT_STATUS_VERIFIED", "n****@c****.fr"), (verified.Field("status"), verified.Field("masked_email")));
        await Server.WaitForMessageAsync(member.email, "coordonnées de votre espace");
        Assert.Equal(0, (await Portal.ConfirmContactsAsync(activationId)).Code);
        var identifier = SpacePortal.NewIdentifier();
        await Portal.ChooseCredentialsAsync(activationId, identifier);
        var (login, _) = await Portal.PasswordStepAsync(identifier, newEmail);
        Assert.Equal("n****@c****.fr", login.Field("masked_destination"));
    }

    [Fact]
    public async Task JeVerifieMesCoordonnees_NewMobile_CodeBySmsThenChanged()
    {
        // "2. Numéro de téléphone mobile."
        var member = await Portal.ImportAsync();
        var activationId = await Portal.IdentifyWithCardAsync(member, await Portal.SendProvisionalCodeAsync(member));
        await Portal.ActivateDecisionAsync(activationId);

        var change = await Portal.CallAsync("ChangeContact", new { tenant = SpacePortal.Tenant, activation_id = activationId, mobile = "0611223344" });
        var sms = await Server.WaitForMessageAsync("+33611223344", "code de vérification");
        var verified = await Portal.CallAsync("VerifyContact", new { tenant = SpacePortal.Tenant, activation_id = activationId, code = SesameServer.CodeIn(sms) });

        Assert.Equal(("CODE_CHANNEL_SMS", "+336******44"), (change.Field("channel"), change.Field("masked_destination")));
        Assert.Equal("+336******44", verified.Field("masked_mobile"));
    }

    [Fact]
    public async Task JeVerifieMesCoordonnees_NoEmailNorMobile_ContinueRefusedUntilOneIsAdded()
    {
        var member = await Portal.ImportAsync(record => record with { email = string.Empty, mobile = string.Empty });
        var letter = await Portal.IssueProvisionalCodeAsync(member);
        Assert.Equal("CODE_CHANNEL_LETTER", letter.Field("channel"));
        var code = (string)(await Server.LettersForAsync(SpacePortal.Tenant, member.identifier))[0]["security_code"]!;
        var activationId = await Portal.IdentifyWithCardAsync(member, code);
        await Portal.ActivateDecisionAsync(activationId);

        var refused = await Portal.ConfirmContactsAsync(activationId);
        var credentialsTooSoon = await Portal.ChooseCredentialsAsync(activationId, SpacePortal.NewIdentifier());

        Assert.Equal(9, refused.Code);
        Assert.Contains("e-mail address or a mobile number", refused.Details, StringComparison.Ordinal);
        Assert.Equal(9, credentialsTooSoon.Code);
        Assert.Contains("ConfirmContacts", credentialsTooSoon.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JeChoisisMonIdentifiantEtMonMotDePasse_Valid_ActivatedAndTheParcoursIsOver()
    {
        // "Cliquer sur le bouton « Valider »" — "Le parcours est terminé. Il est possible de se connecter immédiatement".
        var member = await Portal.ImportAsync();
        var identifier = await Portal.ActivateAsync(member);

        var events = await Server.AuditEventsAsync(SpacePortal.Tenant, member.identifier);
        Assert.Equal("AUDIT_EVENT_SPACE_ACTIVATED", events[^1]);
        Assert.Equal("LOGIN_STATUS_ACCESS_CODE_SENT", (await Portal.LoginAsync(identifier)).Field("status"));
    }

    [Theory]
    [InlineData("Christian.Durand", "Sante-Bleue-2026!", null, "identifier", "upper-case")]
    [InlineData("christian@exemple.fr", "Sante-Bleue-2026!", null, "identifier", "e-mail")]
    [InlineData("c.durand", "Sante-Bleue-2026!", null, null, null)]
    [InlineData("c.dur", "Sante-Bleue-2026!", null, "identifier", "8 to 64")]
    [InlineData("christian durand", "Sante-Bleue-2026!", null, "identifier", "only lower-case")]
    [InlineData("christian.durand", "sante-bleue-2026!", null, "password", "upper-case")]
    [InlineData("christian.durand", "Sante-Bleue-Deux!", null, "password", "digit")]
    [InlineData("christian.durand", "SanteBleue2026", null, "password", "special")]
    [InlineData("christian.durand", "Sa-1e!x", null, "password", "minimum length")]
    [InlineData("christian.durand", "Sante-Bleue-2026!", "Sante-Bleue-2027!", "confirmation", "same as password")]
    public async Task JeChoisisMonIdentifiantEtMonMotDePasse_RulesBroken_InvalidArgumentNamingTheFieldAndNothingChanged(string identifier, string password, string? confirmation, string? field, string? words)
    {
        // "seuls les chiffres, les lettres minuscules et les caractères point, tiret et espace souligné sont autorisés.
        // Les lettres majuscules sont interdites. Un minimum de 8 caractères est obligatoire." — "Mot de passe : 8
        // caractères au minimum avec, au moins : une lettre minuscule, une lettre majuscule, un chiffre, un caractère
        // spécial" — "Retaper votre mot de passe pour vérification".
        var member = await Portal.ImportAsync();
        var activationId = await Portal.IdentifyWithCardAsync(member, await Portal.SendProvisionalCodeAsync(member));
        await Portal.ActivateDecisionAsync(activationId);
        await Portal.ConfirmContactsAsync(activationId);
        var unique = $"{identifier}{(field is null ? Guid.NewGuid().ToString("N")[..6] : string.Empty)}";

        var result = await Portal.ChooseCredentialsAsync(activationId, unique, password, confirmation);

        if (field is null)
        {
            Assert.Equal("CHOOSE_CREDENTIALS_STATUS_ACTIVATED", result.Field("status"));
            return;
        }

        Assert.Equal(3, result.Code);
        Assert.Equal([field], SesameServer.ViolatedFields(result));
        Assert.Contains(words!, result.Details, StringComparison.Ordinal);
        Assert.NotEqual("AUDIT_EVENT_SPACE_ACTIVATED", (await Server.AuditEventsAsync(SpacePortal.Tenant, member.identifier))[^1]);
        Assert.Equal("CHOOSE_CREDENTIALS_STATUS_ACTIVATED", (await Portal.ChooseCredentialsAsync(activationId, SpacePortal.NewIdentifier())).Field("status"));
    }

    [Fact]
    public async Task JeChoisisMonIdentifiant_AnotherMemberHasIt_IdentifierTakenThenAnotherOneWorks()
    {
        var first = await Portal.ImportAsync();
        var identifier = await Portal.ActivateAsync(first);
        var second = await Portal.ImportAsync();
        var activationId = await Portal.IdentifyWithCardAsync(second, await Portal.SendProvisionalCodeAsync(second));
        await Portal.ActivateDecisionAsync(activationId);
        await Portal.ConfirmContactsAsync(activationId);

        var taken = await Portal.ChooseCredentialsAsync(activationId, identifier);
        var other = await Portal.ChooseCredentialsAsync(activationId, SpacePortal.NewIdentifier());

        Assert.Equal("CHOOSE_CREDENTIALS_STATUS_IDENTIFIER_TAKEN", taken.Field("status"));
        Assert.Equal("CHOOSE_CREDENTIALS_STATUS_ACTIVATED", other.Field("status"));
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", (await Portal.SignInAsync(first, identifier)).Field("status"));
    }

    [Fact]
    public async Task Steps_OutOfOrder_FailedPreconditionNamingTheStepToDoFirstAndNothingChanged()
    {
        var member = await Portal.ImportAsync();
        var activationId = (await Portal.IdentifyAsync(await Portal.SendProvisionalCodeAsync(member), member.nir)).Field("activation_id")!;
        var before = await Server.AuditEventsAsync(SpacePortal.Tenant, member.identifier);

        var decideFirst = await Portal.ActivateDecisionAsync(activationId);
        var credentialsFirst = await Portal.ChooseCredentialsAsync(activationId, SpacePortal.NewIdentifier());
        var unknown = await Portal.ConfirmContactsAsync(Grains.Interfaces.RandomToken.New());

        Assert.Equal(9, decideFirst.Code);
        Assert.Contains("CheckVitaleCard", decideFirst.Details, StringComparison.Ordinal);
        Assert.Equal(9, credentialsFirst.Code);
        Assert.Contains("CheckVitaleCard", credentialsFirst.Details, StringComparison.Ordinal);
        Assert.Equal(9, unknown.Code);
        Assert.Contains("activation_id", unknown.Details, StringComparison.Ordinal);
        Assert.Equal(before, await Server.AuditEventsAsync(SpacePortal.Tenant, member.identifier));
    }

    [Fact]
    public async Task Activation_ThirtyMinutesPass_ExpiredAndStartsAgainFromTheCode()
    {
        var member = await Portal.ImportAsync();
        var code = await Portal.SendProvisionalCodeAsync(member);
        var activationId = await Portal.IdentifyWithCardAsync(member, code);

        Server.Clock.Advance(TimeSpan.FromMinutes(31));
        var late = await Portal.ActivateDecisionAsync(activationId);
        var again = await Portal.IdentifyWithCardAsync(member, code);

        Assert.Equal(9, late.Code);
        Assert.Equal("DECIDE_STATUS_ACTIVATING", (await Portal.ActivateDecisionAsync(again)).Field("status"));
    }

    [Fact]
    public async Task Connexion_PasswordAndAccessCodeByEmail_SessionForTheChosenIdentifier()
    {
        // "donner ses identifiant et mot de passe, puis choisir un mode de réception pour le code d'accès (ici par
        // e-mail)" — "Saisir le code d'accès dans le formulaire : Code d'accès à usage unique" — "Et vous êtes dans votre espace."
        var member = await Portal.ImportAsync();
        var identifier = await Portal.ActivateAsync(member);

        var (login, code) = await Portal.PasswordStepAsync(identifier, member.email);
        var signedIn = await Portal.VerifyAccessCodeAsync(identifier, login.Field("access_code_flow_id")!, code);

        Assert.Equal(("LOGIN_STATUS_ACCESS_CODE_SENT", "CODE_CHANNEL_EMAIL", "c****@e****.fr"), (login.Field("status"), login.Field("access_code_channel"), login.Field("masked_destination")));
        Assert.Equal(string.Empty, login.Field("session_token"));
        Assert.Matches("^[0-9]{6}$", code);
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", signedIn.Field("status"));
        var session = await Server.Client.CallAsync("sesame.v1.MemberAuth/ValidateSession", new { tenant = SpacePortal.Tenant, session_token = signedIn.Field("session_token") }, SpacePortal.Metadata);
        Assert.Equal(("true", identifier), (session.Field("valid"), session.Field("identifier")));
    }

    [Fact]
    public async Task Connexion_MemberChoosesSms_AccessCodeBySms()
    {
        // "Je choisis le mode de réception de mon code d'accès : Par e-mail / Par SMS".
        var member = await Portal.ImportAsync();
        var identifier = await Portal.ActivateAsync(member);
        var (login, code) = await Portal.PasswordStepAsync(identifier, member.InternationalMobile, channel: "CODE_CHANNEL_SMS");

        Assert.Equal("CODE_CHANNEL_SMS", login.Field("access_code_channel"));
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", (await Portal.VerifyAccessCodeAsync(identifier, login.Field("access_code_flow_id")!, code)).Field("status"));
    }

    [Fact]
    public async Task CodeDAcces_UsedTwice_SecondIsExpiredAndOpensNoSession()
    {
        var member = await Portal.ImportAsync();
        var identifier = await Portal.ActivateAsync(member);
        var (login, code) = await Portal.PasswordStepAsync(identifier, member.email);
        var flowId = login.Field("access_code_flow_id")!;

        var first = await Portal.VerifyAccessCodeAsync(identifier, flowId, code);
        var reused = await Portal.VerifyAccessCodeAsync(identifier, flowId, code);

        Assert.Equal("LOGIN_STATUS_SUCCEEDED", first.Field("status"));
        Assert.Equal(("LOGIN_STATUS_ACCESS_CODE_EXPIRED", string.Empty), (reused.Field("status"), reused.Field("session_token")));
    }

    [Fact]
    public async Task CodeDAcces_AfterTenMinutes_ExpiredAndSignInStartsAgain()
    {
        var member = await Portal.ImportAsync();
        var identifier = await Portal.ActivateAsync(member);
        var (login, code) = await Portal.PasswordStepAsync(identifier, member.email);

        Server.Clock.Advance(TimeSpan.FromMinutes(10));
        var late = await Portal.VerifyAccessCodeAsync(identifier, login.Field("access_code_flow_id")!, code);

        Assert.Equal("LOGIN_STATUS_ACCESS_CODE_EXPIRED", late.Field("status"));
        Assert.Equal("AUDIT_EVENT_CODE_EXPIRED", (await Server.AuditEventsAsync(SpacePortal.Tenant, member.identifier))[^1]);
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", (await Portal.SignInAsync(member, identifier)).Field("status"));
    }

    [Fact]
    public async Task CodeDAcces_BoundToItsSignIn_CodeOfAnotherSignInRefused()
    {
        var member = await Portal.ImportAsync();
        var identifier = await Portal.ActivateAsync(member);
        var (first, code) = await Portal.PasswordStepAsync(identifier, member.email);
        var sent = Portal.AccessCodesSent(member.email);

        var second = await Portal.LoginAsync(identifier);
        var onFirst = await Portal.VerifyAccessCodeAsync(identifier, first.Field("access_code_flow_id")!, code);
        var onSecond = await Portal.VerifyAccessCodeAsync(identifier, second.Field("access_code_flow_id")!, code);

        // Within the resend cooldown the code already sent moves to the newest sign-in; no second message goes.
        Assert.Equal(sent, Portal.AccessCodesSent(member.email));
        Assert.Equal("LOGIN_STATUS_ACCESS_CODE_EXPIRED", onFirst.Field("status"));
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", onSecond.Field("status"));
    }

    [Fact]
    public async Task CodeDAcces_ThreeWrongCodes_LockedOutApartFromThePassword()
    {
        var member = await Portal.ImportAsync();
        var identifier = await Portal.ActivateAsync(member);
        var (login, code) = await Portal.PasswordStepAsync(identifier, member.email);
        var flowId = login.Field("access_code_flow_id")!;
        var wrong = code == "000000" ? "111111" : "000000";

        var firstWrong = await Portal.VerifyAccessCodeAsync(identifier, flowId, wrong);
        await Portal.VerifyAccessCodeAsync(identifier, flowId, wrong);
        var third = await Portal.VerifyAccessCodeAsync(identifier, flowId, wrong);
        var passwordWhileCodesLocked = await Portal.LoginAsync(identifier);
        Server.Clock.Advance(TimeSpan.FromMinutes(1));
        var signedIn = await Portal.SignInAsync(member, identifier);

        Assert.Equal(("LOGIN_STATUS_INVALID_CREDENTIALS", "2"), (firstWrong.Field("status"), firstWrong.Field("remaining_attempts")));
        Assert.Equal("LOGIN_STATUS_LOCKED_OUT", third.Field("status"));
        Assert.Equal("LOGIN_STATUS_LOCKED_OUT", passwordWhileCodesLocked.Field("status"));
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", signedIn.Field("status"));
        var events = await Server.AuditEventsAsync(SpacePortal.Tenant, member.identifier);
        Assert.Equal(2, events.Count(e => e == "AUDIT_EVENT_ACCESS_CODE_REJECTED"));
        Assert.DoesNotContain("AUDIT_EVENT_LOGIN_FAILED", events);
    }

    [Fact]
    public async Task Connexion_WrongPassword_NoCodeSentAndCountedAsAPassword()
    {
        var member = await Portal.ImportAsync();
        var identifier = await Portal.ActivateAsync(member);
        var before = Portal.AccessCodesSent(member.email);

        var wrong = await Portal.LoginAsync(identifier, "Sante-Rouge-2026!");

        Assert.Equal(("LOGIN_STATUS_INVALID_CREDENTIALS", "2", string.Empty), (wrong.Field("status"), wrong.Field("remaining_attempts"), wrong.Field("access_code_flow_id")));
        Assert.Equal(before, Portal.AccessCodesSent(member.email));
    }

    [Fact]
    public async Task Connexion_IdentifierNobodyChose_AnsweredExactlyLikeAWrongPassword()
    {
        var member = await Portal.ImportAsync();
        var identifier = await Portal.ActivateAsync(member);

        var wrongPassword = await Portal.LoginAsync(identifier, "Sante-Rouge-2026!");
        var nobody = await Portal.LoginAsync(SpacePortal.NewIdentifier(), "Sante-Rouge-2026!");
        var reference = await Portal.LoginAsync(member.identifier.ToLowerInvariant() + "-ref", SpacePortal.Password);

        Assert.Equal(wrongPassword.Response!.ToJsonString(), nobody.Response!.ToJsonString());
        Assert.Equal("LOGIN_STATUS_INVALID_CREDENTIALS", reference.Field("status"));
    }

    [Fact]
    public async Task SeDeconnecter_SignedInMember_SessionEndsAtOnce()
    {
        // "Ne pas oublier de se déconnecter avant de quitter le site" — "cliquer sur le bouton « Se déconnecter »".
        var member = await Portal.ImportAsync();
        var identifier = await Portal.ActivateAsync(member);
        var token = (await Portal.SignInAsync(member, identifier)).Field("session_token");

        var logout = await Server.Client.CallAsync("sesame.v1.MemberAuth/Logout", new { tenant = SpacePortal.Tenant, session_token = token }, SpacePortal.Metadata);
        var afterwards = await Server.Client.CallAsync("sesame.v1.MemberAuth/ValidateSession", new { tenant = SpacePortal.Tenant, session_token = token }, SpacePortal.Metadata);

        Assert.Equal("true", logout.Field("ended"));
        Assert.Equal("false", afterwards.Field("valid"));
        Assert.Equal("AUDIT_EVENT_LOGGED_OUT", (await Server.AuditEventsAsync(SpacePortal.Tenant, member.identifier))[^1]);
    }

    [Fact]
    public async Task IdentifiantOublie_NirBirthDateAndPostalCode_TheChosenIdentifierIsEmailed()
    {
        // The login page's "Identifiant oublié ?".
        var member = await Portal.ImportAsync();
        var identifier = await Portal.ActivateAsync(member);

        var recovered = await Server.Client.CallAsync("sesame.v1.MemberRecovery/RecoverIdentifier", new { tenant = SpacePortal.Tenant, member.nir, member.birth_date, member.postal_code }, SesameServer.PortalFromNewAddress(SpacePortal.Tenant));

        Assert.Equal("RECOVER_IDENTIFIER_STATUS_EMAIL_SENT", recovered.Field("status"));
        var email = await Server.WaitForMessageAsync(member.email, "Votre identifiant");
        Assert.Contains(identifier, email.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(member.identifier, email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdentifiantOublie_MemberWithOnlyAMobile_TheIdentifierGoesBySms()
    {
        // No e-mail: the provisional code came by letter, and there is no IBAN to show the identifier against.
        var member = await Portal.ImportAsync(record => record with { email = string.Empty });
        await Portal.IssueProvisionalCodeAsync(member);
        var code = (string)(await Server.LettersForAsync(SpacePortal.Tenant, member.identifier))[0]["security_code"]!;
        var identifier = await Portal.ActivateAsync(member, code: code);

        var recovered = await Server.Client.CallAsync("sesame.v1.MemberRecovery/RecoverIdentifier", new { tenant = SpacePortal.Tenant, member.nir, member.birth_date, member.postal_code }, SesameServer.PortalFromNewAddress(SpacePortal.Tenant));

        Assert.Equal("RECOVER_IDENTIFIER_STATUS_SMS_SENT", recovered.Field("status"));
        Assert.Equal($"+337******{member.mobile[^2..]}", (string?)recovered.Response!["masked_mobiles"]![0]);
        var sms = await Server.WaitForMessageAsync(member.InternationalMobile, "votre identifiant est");
        Assert.Contains(identifier, sms.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdentifiantOublie_SpaceNotActivatedYet_AnsweredLikeAStranger()
    {
        var member = await Portal.ImportAsync();
        await Portal.SendProvisionalCodeAsync(member);

        var recovered = await Server.Client.CallAsync("sesame.v1.MemberRecovery/RecoverIdentifier", new { tenant = SpacePortal.Tenant, member.nir, member.birth_date, member.postal_code }, SesameServer.PortalFromNewAddress(SpacePortal.Tenant));

        Assert.Equal("RECOVER_IDENTIFIER_STATUS_IBAN_REQUIRED", recovered.Field("status"));
    }

    [Fact]
    public async Task MotDePasseOublie_CodeByEmail_NewPasswordThenSignInWithAccessCode()
    {
        // The login page's "Mot de passe oublié ?".
        var member = await Portal.ImportAsync();
        var identifier = await Portal.ActivateAsync(member);
        var flowId = Grains.Interfaces.RandomToken.New();
        var recovery = (string method, object request) => Server.Client.CallAsync($"sesame.v1.MemberRecovery/{method}", request, SpacePortal.Metadata);

        var start = await recovery("StartRecovery", new { tenant = SpacePortal.Tenant, identifier, flow_id = flowId });
        var code = SesameServer.CodeIn(await Server.WaitForMessageAsync(member.email, "code de sécurité"));
        var verified = await recovery("VerifyCode", new { tenant = SpacePortal.Tenant, identifier, flow_id = flowId, code });
        var weak = await recovery("SetNewSecret", new { tenant = SpacePortal.Tenant, identifier, reset_token = verified.Field("reset_token"), secret = "sante2027", confirmation = "sante2027" });
        var set = await recovery("SetNewSecret", new { tenant = SpacePortal.Tenant, identifier, reset_token = verified.Field("reset_token"), secret = "Sante-Verte-2027?", confirmation = "Sante-Verte-2027?" });

        Assert.Equal(("CODE_CHANNEL_EMAIL", "c****@e****.fr"), (start.Field("channel"), start.Field("masked_destination")));
        Assert.Equal(3, weak.Code);
        Assert.Equal("SET_NEW_SECRET_STATUS_CHANGED", set.Field("status"));
        Assert.Equal("LOGIN_STATUS_INVALID_CREDENTIALS", (await Portal.LoginAsync(identifier)).Field("status"));
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", (await Portal.SignInAsync(member, identifier, "Sante-Verte-2027?")).Field("status"));
    }

    [Fact]
    public async Task CloturerVotreEspace_ActiveMember_SessionsEndSignInRefusedAndReactivationKeepsTheIdentifier()
    {
        // "Vous pourrez à tout moment changer d'avis : clôturer votre espace ou l'activer si vous ne l'aviez pas fait."
        var member = await Portal.ImportAsync();
        var identifier = await Portal.ActivateAsync(member);
        var token = (await Portal.SignInAsync(member, identifier)).Field("session_token");

        var closed = await Portal.CallAsync("CloseSpace", new { tenant = SpacePortal.Tenant, session_token = token });
        var session = await Server.Client.CallAsync("sesame.v1.MemberAuth/ValidateSession", new { tenant = SpacePortal.Tenant, session_token = token }, SpacePortal.Metadata);
        var signIn = await Portal.LoginAsync(identifier);
        var recovery = await Server.Client.CallAsync("sesame.v1.MemberRecovery/StartRecovery", new { tenant = SpacePortal.Tenant, identifier, flow_id = Grains.Interfaces.RandomToken.New() }, SpacePortal.Metadata);

        Assert.Equal(0, closed.Code);
        Assert.Equal("false", session.Field("valid"));
        Assert.Equal("LOGIN_STATUS_INVALID_CREDENTIALS", signIn.Field("status"));
        Assert.Equal("CODE_CHANNEL_LETTER", recovery.Field("channel"));
        await Server.WaitForMessageAsync(member.email, "a été clôturé");

        var activationId = await Portal.IdentifyWithCardAsync(member, await Portal.SendProvisionalCodeAsync(member));
        var decided = await Portal.ActivateDecisionAsync(activationId);
        await Portal.ConfirmContactsAsync(activationId);
        var otherIdentifier = await Portal.ChooseCredentialsAsync(activationId, SpacePortal.NewIdentifier());
        var sameIdentifier = await Portal.ChooseCredentialsAsync(activationId, identifier, "Sante-Neuve-2027!");

        Assert.Equal(identifier, decided.Field("identifier"));
        Assert.Equal(3, otherIdentifier.Code);
        Assert.Equal(["identifier"], SesameServer.ViolatedFields(otherIdentifier));
        Assert.Equal("CHOOSE_CREDENTIALS_STATUS_ACTIVATED", sameIdentifier.Field("status"));
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", (await Portal.SignInAsync(member, identifier, "Sante-Neuve-2027!")).Field("status"));
        var events = await Server.AuditEventsAsync(SpacePortal.Tenant, member.identifier);
        Assert.Equal(2, events.Count(e => e == "AUDIT_EVENT_SPACE_ACTIVATED"));
        Assert.Contains("AUDIT_EVENT_SPACE_CLOSED", events);
    }

    [Fact]
    public async Task DescribeTenant_Mes_ChosenIdentifierActivationAndSecondFactor()
    {
        var description = await Server.Client.CallAsync("sesame.v1.Portal/DescribeTenant", new { tenant = SpacePortal.Tenant }, SpacePortal.Metadata);

        Assert.Equal(("IDENTIFIER_KIND_CHOSEN", "true", "true"), (description.Field("identifier_kind"), description.Field("activation"), description.Field("second_factor")));
        Assert.Equal((SpacePortal.TermsVersion, SpacePortal.PrivacyPolicyVersion), (description.Field("terms_version"), description.Field("privacy_policy_version")));
        Assert.Equal("8", description.Response!["password_rules"]!["min_length"]!.ToString());
    }
}
