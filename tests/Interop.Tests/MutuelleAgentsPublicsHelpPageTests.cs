using Sesame.Grains.Interfaces;
using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>
/// "Comment créer votre espace adhérent ou réinitialiser votre mot de passe ?" of the mutuelle des agents publics
/// (mnt), ÉTAPE 1 to 6, through grpc-js.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class MutuelleAgentsPublicsHelpPageTests(SesameServerFixture fixture)
{
    private const string Password = "Velo-Rouge-2026!";
    private const string NewPassword = "Tram-Bleu-2027#";

    private SesameServer Server => fixture.Server;

    [Fact]
    public async Task Steps2To6_CodeByMailEnteredOnTheSamePage_NewPasswordThenSignInWithAntiRobot()
    {
        // ÉTAPE 2: "Indiquez votre « N° Adhérent » puis VALIDER"; ÉTAPE 3: "Cliquez sur « recevoir mon code par Mail »".
        var email = $"x{Guid.NewGuid():N}@exemple.fr";
        var identifier = await Server.ImportMemberAsync("mnt", MemberRecordFields.For("mnt", Password) with { email = email, mobile = "0612345678" });
        var page = RandomToken.New();
        var start = await Call("StartRecovery", new { tenant = "mnt", identifier, flow_id = page, channel = "CODE_CHANNEL_EMAIL" });
        Assert.Equal("CODE_CHANNEL_EMAIL", start.Field("channel"));

        // ÉTAPE 4: "Merci de saisir votre code d'activation" — "sur la même page internet où vous avez soumis votre demande".
        var code = SesameServer.CodeIn(await Server.WaitForMessageAsync(email, "code de sécurité"));
        var otherPage = await Call("VerifyCode", new { tenant = "mnt", identifier, flow_id = RandomToken.New(), code });
        var samePage = await Call("VerifyCode", new { tenant = "mnt", identifier, flow_id = page, code });
        Assert.Equal("VERIFY_CODE_STATUS_REFUSED", otherPage.Field("status"));
        Assert.Equal("VERIFY_CODE_STATUS_VERIFIED", samePage.Field("status"));

        // ÉTAPE 5: "Saisissez votre nouveau mot de passe, confirmez le puis VALIDER" — with the rules ("évitez ' % \ _").
        var token = samePage.Field("reset_token");
        var forbidden = await Call("SetNewSecret", new { tenant = "mnt", identifier, reset_token = token, secret = "Tram_Bleu_2027#", confirmation = "Tram_Bleu_2027#" });
        Assert.Equal(3, forbidden.Code);
        Assert.Contains("forbids", forbidden.Details);
        var set = await Call("SetNewSecret", new { tenant = "mnt", identifier, reset_token = token, secret = NewPassword, confirmation = NewPassword });
        Assert.Equal("SET_NEW_SECRET_STATUS_CHANGED", set.Field("status"));

        // ÉTAPE 6: "Félicitations ! Vous pouvez désormais vous connecter ... en indiquant votre numéro d'adhérent et votre
        // nouveau mot de passe" — "Anti-Robot : Cliquer sur l'image correspondant au mot : vélo".
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", (await Server.SignInAsync("mnt", identifier, NewPassword)).Field("status"));
    }

    [Fact]
    public async Task Step3_PhoneOnFile_MemberChoosesSms()
    {
        // "Vous pouvez le réinitialiser tout de suite si vous nous avez communiqué un numéro de téléphone ou une adresse e-mail."
        var identifier = await Server.ImportMemberAsync("mnt", MemberRecordFields.For("mnt", Password) with { email = $"x{Guid.NewGuid():N}@exemple.fr", mobile = "0698765432" });
        var page = RandomToken.New();

        var start = await Call("StartRecovery", new { tenant = "mnt", identifier, flow_id = page, channel = "CODE_CHANNEL_SMS" });

        Assert.Equal("CODE_CHANNEL_SMS", start.Field("channel"));
        Assert.Equal("+336******32", start.Field("masked_destination"));
        var sms = await Server.WaitForMessageAsync("+33698765432", "code de sécurité");
        Assert.Equal(string.Empty, sms.Subject);
        Assert.Equal("VERIFY_CODE_STATUS_VERIFIED", (await Call("VerifyCode", new { tenant = "mnt", identifier, flow_id = page, code = SesameServer.CodeIn(sms) })).Field("status"));
    }

    [Fact]
    public async Task Step1_NoPhoneNorEmail_NewCodeByLetterWithinEightDays()
    {
        // "Sinon, vous pouvez choisir de recevoir un nouveau mot de passe par courrier sous huit jours."
        var identifier = await Server.ImportMemberAsync("mnt", MemberRecordFields.For("mnt", Password));

        var start = await Call("StartRecovery", new { tenant = "mnt", identifier, flow_id = RandomToken.New(), channel = "CODE_CHANNEL_SMS" });

        Assert.Equal("CODE_CHANNEL_LETTER", start.Field("channel"));
        Assert.Single(await Server.LettersForAsync("mnt", identifier));
    }

    [Fact]
    public async Task Step4_CodeAskedAgainAtOnce_NoSecondMailAndTheCodeMovesToTheNewPage()
    {
        var email = $"x{Guid.NewGuid():N}@exemple.fr";
        var identifier = await Server.ImportMemberAsync("mnt", MemberRecordFields.For("mnt", Password) with { email = email });
        var firstPage = RandomToken.New();
        var secondPage = RandomToken.New();
        await Call("StartRecovery", new { tenant = "mnt", identifier, flow_id = firstPage });
        var code = SesameServer.CodeIn(await Server.WaitForMessageAsync(email, "code de sécurité"));

        await Call("StartRecovery", new { tenant = "mnt", identifier, flow_id = secondPage });
        var onFirst = await Call("VerifyCode", new { tenant = "mnt", identifier, flow_id = firstPage, code });
        var onSecond = await Call("VerifyCode", new { tenant = "mnt", identifier, flow_id = secondPage, code });

        Assert.Single(Server.Outbox.Sent, message => message.Destination == email);
        Assert.Equal("VERIFY_CODE_STATUS_REFUSED", onFirst.Field("status"));
        Assert.Equal("VERIFY_CODE_STATUS_VERIFIED", onSecond.Field("status"));
    }

    [Fact]
    public async Task Step4_FiveWrongCodes_CodeDeadEvenIfRightAfter()
    {
        var email = $"x{Guid.NewGuid():N}@exemple.fr";
        var identifier = await Server.ImportMemberAsync("mnt", MemberRecordFields.For("mnt", Password) with { email = email });
        var page = RandomToken.New();
        await Call("StartRecovery", new { tenant = "mnt", identifier, flow_id = page });
        var code = SesameServer.CodeIn(await Server.WaitForMessageAsync(email, "code de sécurité"));
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("VERIFY_CODE_STATUS_REFUSED", (await Call("VerifyCode", new { tenant = "mnt", identifier, flow_id = page, code = wrong })).Field("status"));
        }

        var right = await Call("VerifyCode", new { tenant = "mnt", identifier, flow_id = page, code });

        Assert.Equal("VERIFY_CODE_STATUS_REFUSED", right.Field("status"));
        var events = await Server.AuditEventsAsync("mnt", identifier);
        Assert.Equal(5, events.Count(e => e == "AUDIT_EVENT_CODE_REJECTED"));
        Assert.Equal("AUDIT_EVENT_CODE_EXPIRED", events[^1]);
    }

    [Fact]
    public async Task Step6_WrongPicture_ChallengeFailedAndNoAttemptCounted()
    {
        // "Anti-Robot : Cliquer sur l'image correspondant au mot : vélo"
        var identifier = await Server.ImportMemberAsync("mnt", MemberRecordFields.For("mnt", Password));
        var challenge = await Server.Client.CallAsync("sesame.v1.MemberAuth/IssueChallenge", new { tenant = "mnt" }, SesameServer.Portal("mnt"));
        var pictures = Silo.Demo.DemoData.Tenants["mnt"].Challenge.Pictures;
        var choices = challenge.Response!["choices"]!.AsArray();
        var wrongChoice = (string)choices.First(choice => pictures[(string)choice!["picture"]!] != challenge.Field("word"))!["choice_id"]!;

        var wrong = await Server.Client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "mnt", identifier, secret = Password, challenge_id = challenge.Field("challenge_id"), challenge_choice_id = wrongChoice }, SesameServer.Portal("mnt"));
        var (reusedId, rightChoice) = await Server.SolveChallengeAsync("mnt");
        await Server.Client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "mnt", identifier, secret = "Wrong-Password-1!", challenge_id = reusedId, challenge_choice_id = rightChoice }, SesameServer.Portal("mnt"));
        var reused = await Server.Client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "mnt", identifier, secret = Password, challenge_id = reusedId, challenge_choice_id = rightChoice }, SesameServer.Portal("mnt"));

        Assert.Equal(5, choices.Count);
        Assert.Equal("LOGIN_STATUS_CHALLENGE_FAILED", wrong.Field("status"));
        Assert.Equal("LOGIN_STATUS_CHALLENGE_FAILED", reused.Field("status"));
        Assert.Equal(["AUDIT_EVENT_ACCOUNT_CREATED", "AUDIT_EVENT_LOGIN_FAILED"], await Server.AuditEventsAsync("mnt", identifier));
    }

    [Fact]
    public async Task Login_WithoutChallenge_InvalidArgument()
    {
        var result = await Server.Client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "mnt", identifier = "1002003", secret = Password }, SesameServer.Portal("mnt"));

        Assert.Equal(3, result.Code);
        Assert.Equal(["challenge_choice_id", "challenge_id"], SesameServer.ViolatedFields(result));
    }

    private Task<GrpcCallResult> Call(string method, object request) =>
        Server.Client.CallAsync($"sesame.v1.MemberRecovery/{method}", request, SesameServer.Portal("mnt"));
}
