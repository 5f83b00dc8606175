using Sesame.Grains.Interfaces;
using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>
/// "AIDE POUR VOUS CONNECTER À VOTRE ESPACE ADHÉRENT" of ASSU2000 and ACS (same platform, same page), step by step,
/// through grpc-js. Each test names the step it plays.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class Assu2000AndAcsHelpPageTests(SesameServerFixture fixture)
{
    private const string Pin = "482913";
    private const string NewPin = "705318";

    private SesameServer Server => fixture.Server;

    [Theory]
    [InlineData("assu2000")]
    [InlineData("acs")]
    public async Task Step1_2_IdentifierAndSixDigitPin_SignedIn(string tenant)
    {
        // "2. Je saisis mon identifiant et mon mot de passe à 6 chiffres."
        var identifier = await Server.ImportMemberAsync(tenant, MemberRecordFields.For(tenant, Pin));

        var login = await Server.SignInAsync(tenant, identifier, Pin);

        Assert.Equal("LOGIN_STATUS_SUCCEEDED", login.Field("status"));
    }

    [Theory]
    [InlineData("assu2000")]
    [InlineData("acs")]
    public async Task Step2_EmailKnown_CodeByMailVerifiedThenDefinitivePinSet(string tenant)
    {
        // Arrange: a member with an e-mail on file, signed in somewhere.
        var email = $"s{Guid.NewGuid():N}@courriel.fr";
        var identifier = await Server.ImportMemberAsync(tenant, MemberRecordFields.For(tenant, Pin) with { email = email });
        var session = (await Server.SignInAsync(tenant, identifier, Pin)).Field("session_token");
        var flow = RandomToken.New();

        // "1. Je clique sur le lien : « Mot de passe oublié » 2. Je saisis mon identifiant et je valide."
        var start = await Call("StartRecovery", new { tenant, identifier, flow_id = flow });
        Assert.Equal("CODE_CHANNEL_EMAIL", start.Field("channel"));
        Assert.Equal("s****@c****.fr", start.Field("masked_destination"));

        // "a. Je reçois un mail contenant un code de sécurité à usage unique."
        var code = SesameServer.CodeIn(await Server.WaitForMessageAsync(email, "code de sécurité"));
        Assert.Matches("^[0-9]{6}$", code);

        // "b. Je renseigne les 6 chiffres et je clique sur Vérifier."
        var verified = await Call("VerifyCode", new { tenant, identifier, flow_id = flow, code });
        Assert.Equal("VERIFY_CODE_STATUS_VERIFIED", verified.Field("status"));

        // "c. Je crée mon mot de passe définitif à 6 chiffres et le confirme."
        var set = await Call("SetNewSecret", new { tenant, identifier, reset_token = verified.Field("reset_token"), secret = NewPin, confirmation = NewPin });
        Assert.Equal("SET_NEW_SECRET_STATUS_CHANGED", set.Field("status"));

        // The new PIN works, the old one no longer does, the old session has ended and the member heard of it.
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", (await Server.SignInAsync(tenant, identifier, NewPin)).Field("status"));
        Assert.Equal("LOGIN_STATUS_INVALID_CREDENTIALS", (await Server.SignInAsync(tenant, identifier, Pin)).Field("status"));
        var validation = await Server.Client.CallAsync("sesame.v1.MemberAuth/ValidateSession", new { tenant, session_token = session }, SesameServer.Portal(tenant));
        Assert.False((bool)validation.Response!["valid"]!);
        await Server.WaitForMessageAsync(email, "vient d'être modifié");
        var events = await Server.AuditEventsAsync(tenant, identifier);
        Assert.Equal(["AUDIT_EVENT_CODE_SENT", "AUDIT_EVENT_CODE_USED", "AUDIT_EVENT_SECRET_CHANGED"], events.Where(e => e.Contains("CODE") || e.Contains("SECRET")).ToArray());
    }

    [Fact]
    public async Task Step2_EmailUnknown_LetterWithSingleUseSecurityCodeSousHuitaine()
    {
        // "Si mon adresse mail n'est pas connue de ASSU2000 : Je recevrai à mon adresse postale sous huitaine un courrier
        // papier précisant mon code de sécurité à usage unique."
        var identifier = await Server.ImportMemberAsync("assu2000", MemberRecordFields.For("assu2000", Pin));

        var start = await Call("StartRecovery", new { tenant = "assu2000", identifier, flow_id = RandomToken.New() });
        Assert.Equal("CODE_CHANNEL_LETTER", start.Field("channel"));
        Assert.Equal(string.Empty, start.Field("masked_destination"));

        // The back office prints the letter; days later the member types its code on a new page.
        var letter = Assert.Single(await Server.LettersForAsync("assu2000", identifier));
        Assert.Equal("12 rue de la Roquette", (string?)letter["address_lines"]![1]);
        var code = (string)letter["security_code"]!;
        Assert.Matches("^[A-Z2-9]{8}$", code);
        var verified = await Call("VerifyCode", new { tenant = "assu2000", identifier, flow_id = RandomToken.New(), code = code.ToLowerInvariant() });
        Assert.Equal("VERIFY_CODE_STATUS_VERIFIED", verified.Field("status"));
        var set = await Call("SetNewSecret", new { tenant = "assu2000", identifier, reset_token = verified.Field("reset_token"), secret = NewPin, confirmation = NewPin });
        Assert.Equal("SET_NEW_SECRET_STATUS_CHANGED", set.Field("status"));
        var printed = await Server.Client.CallAsync("sesame.v1.MemberAdmin/MarkLettersPrinted", new { tenant = "assu2000", letter_ids = new[] { (string)letter["letter_id"]! } }, SesameServer.BackOffice);
        Assert.Equal("1", printed.Field("removed"));
    }

    [Fact]
    public async Task Step2_UnknownIdentifier_AnsweredExactlyLikeAMemberWithoutEmail()
    {
        var known = await Server.ImportMemberAsync("assu2000", MemberRecordFields.For("assu2000", Pin));
        var flow = RandomToken.New();

        var forKnown = await Call("StartRecovery", new { tenant = "assu2000", identifier = known, flow_id = flow });
        var forUnknown = await Call("StartRecovery", new { tenant = "assu2000", identifier = TestIdentifiers.For("assu2000"), flow_id = flow });
        var codeForUnknown = await Call("VerifyCode", new { tenant = "assu2000", identifier = TestIdentifiers.For("assu2000"), flow_id = flow, code = "123456" });
        var wrongCodeForKnown = await Call("VerifyCode", new { tenant = "assu2000", identifier = known, flow_id = flow, code = "12345678" });

        Assert.Equal(forKnown.Response!.ToJsonString(), forUnknown.Response!.ToJsonString());
        Assert.Equal(wrongCodeForKnown.Response!.ToJsonString(), codeForUnknown.Response!.ToJsonString());
        Assert.Equal("VERIFY_CODE_STATUS_REFUSED", codeForUnknown.Field("status"));
    }

    [Fact]
    public async Task Step2c_ConfirmationDiffers_InvalidArgumentAndPinUnchanged()
    {
        var email = $"c{Guid.NewGuid():N}@courriel.fr";
        var identifier = await Server.ImportMemberAsync("acs", MemberRecordFields.For("acs", Pin) with { email = email });
        var flow = RandomToken.New();
        await Call("StartRecovery", new { tenant = "acs", identifier, flow_id = flow });
        var code = SesameServer.CodeIn(await Server.WaitForMessageAsync(email, "code de sécurité"));
        var token = (await Call("VerifyCode", new { tenant = "acs", identifier, flow_id = flow, code })).Field("reset_token");

        var mismatch = await Call("SetNewSecret", new { tenant = "acs", identifier, reset_token = token, secret = NewPin, confirmation = "705319" });
        var weak = await Call("SetNewSecret", new { tenant = "acs", identifier, reset_token = token, secret = "123456", confirmation = "123456" });

        Assert.Equal(3, mismatch.Code);
        Assert.Contains("confirmation", mismatch.Details);
        Assert.Equal(3, weak.Code);
        Assert.Contains("consecutive", weak.Details);
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", (await Server.SignInAsync("acs", identifier, Pin)).Field("status"));

        // The verified code still allows the member to finish.
        var set = await Call("SetNewSecret", new { tenant = "acs", identifier, reset_token = token, secret = NewPin, confirmation = NewPin });
        Assert.Equal("SET_NEW_SECRET_STATUS_CHANGED", set.Field("status"));
    }

    [Theory]
    [InlineData("assu2000")]
    [InlineData("acs")]
    public async Task Step3_EmailKnown_IdentifierSentByMailAndMaskedAddressShown(string tenant)
    {
        // "2. Je renseigne mon n° de Sécurité Sociale, ma date de naissance, mon code postal et je valide.
        //  3. Je reçois mon nouvel identifiant par mail s'il est connu."
        var email = $"s{Guid.NewGuid():N}@courriel.fr";
        var record = MemberRecordFields.For(tenant, Pin) with { email = email };
        var identifier = await Server.ImportMemberAsync(tenant, record);

        var reply = await Lookup("RecoverIdentifier", tenant, new { tenant, nir = record.nir, birth_date = record.birth_date, postal_code = record.postal_code });

        // "Un e-mail contenant votre identifiant vous a été envoyé sur s****@c****.fr"
        Assert.Equal("RECOVER_IDENTIFIER_STATUS_EMAIL_SENT", reply.Field("status"));
        Assert.Equal("s****@c****.fr", (string?)reply.Response!["masked_emails"]![0]);
        var message = await Server.WaitForMessageAsync(email, "Votre identifiant");
        Assert.Contains(identifier, message.Body);
        Assert.Contains("AUDIT_EVENT_IDENTIFIER_SENT", await Server.AuditEventsAsync(tenant, identifier));
    }

    [Fact]
    public async Task Step3_NB_EmailUnknown_LastSixCharactersOfIbanShowIdentifier()
    {
        // "NB : Si mon e-mail n'est pas connu, je devrai renseigner les 6 derniers caractères de mon IBAN sur lequel je
        // reçois mes prestations afin de voir mon identifiant s'afficher à l'écran."
        var record = MemberRecordFields.For("assu2000", Pin) with { iban_tail = "7b0412" };
        var identifier = await Server.ImportMemberAsync("assu2000", record);
        var metadata = SesameServer.PortalFromNewAddress("assu2000");

        var first = await Server.Client.CallAsync("sesame.v1.MemberRecovery/RecoverIdentifier", new { tenant = "assu2000", nir = record.nir, birth_date = record.birth_date, postal_code = record.postal_code }, metadata);
        var wrong = await Server.Client.CallAsync("sesame.v1.MemberRecovery/RevealIdentifier", new { tenant = "assu2000", nir = record.nir, birth_date = record.birth_date, postal_code = record.postal_code, iban_tail = "7B0413" }, metadata);
        var right = await Server.Client.CallAsync("sesame.v1.MemberRecovery/RevealIdentifier", new { tenant = "assu2000", nir = record.nir, birth_date = record.birth_date, postal_code = record.postal_code, iban_tail = "7B0412" }, metadata);

        Assert.Equal("RECOVER_IDENTIFIER_STATUS_IBAN_REQUIRED", first.Field("status"));
        Assert.Equal("REVEAL_IDENTIFIER_STATUS_NOT_MATCHED", wrong.Field("status"));
        Assert.Equal("REVEAL_IDENTIFIER_STATUS_REVEALED", right.Field("status"));
        Assert.Equal(identifier, (string?)right.Response!["identifiers"]![0]);
        Assert.Equal(["AUDIT_EVENT_IBAN_TAIL_REJECTED", "AUDIT_EVENT_IDENTIFIER_REVEALED"], (await Server.AuditEventsAsync("assu2000", identifier)).Where(e => e.Contains("IBAN") || e.Contains("REVEALED")).ToArray());
    }

    [Fact]
    public async Task Step3_SeveralMembersOnOneNir_BirthDateDecides()
    {
        // Children are often on a parent's NIR.
        var parent = MemberRecordFields.For("assu2000", Pin) with { iban_tail = "111111" };
        var child = MemberRecordFields.For("assu2000") with { nir = parent.nir, birth_date = "2012-02-29", iban_tail = "111111" };
        await Server.ImportMemberAsync("assu2000", parent);
        await Server.ImportMemberAsync("assu2000", child);

        var reveal = await Lookup("RevealIdentifier", "assu2000", new { tenant = "assu2000", nir = parent.nir, birth_date = child.birth_date, postal_code = child.postal_code, iban_tail = "111111" });

        Assert.Equal([child.identifier], reveal.Response!["identifiers"]!.AsArray().Select(id => (string)id!).ToArray());
    }

    [Fact]
    public async Task Step3_UnknownPerson_AnsweredExactlyLikeAMemberWithoutEmail()
    {
        var record = MemberRecordFields.For("assu2000", Pin);
        await Server.ImportMemberAsync("assu2000", record);
        var stranger = new { tenant = "assu2000", nir = TestIdentifiers.Nir(), birth_date = record.birth_date, postal_code = record.postal_code };
        var member = new { tenant = "assu2000", nir = record.nir, birth_date = record.birth_date, postal_code = record.postal_code };

        var forMember = await Lookup("RecoverIdentifier", "assu2000", member);
        var forStranger = await Lookup("RecoverIdentifier", "assu2000", stranger);
        var ibanForMember = await Lookup("RevealIdentifier", "assu2000", new { member.tenant, member.nir, member.birth_date, member.postal_code, iban_tail = "000000" });
        var ibanForStranger = await Lookup("RevealIdentifier", "assu2000", new { stranger.tenant, stranger.nir, stranger.birth_date, stranger.postal_code, iban_tail = "000000" });

        Assert.Equal(forMember.Response!.ToJsonString(), forStranger.Response!.ToJsonString());
        Assert.Equal(ibanForMember.Response!.ToJsonString(), ibanForStranger.Response!.ToJsonString());
        Assert.Equal("REVEAL_IDENTIFIER_STATUS_NOT_MATCHED", ibanForStranger.Field("status"));
    }

    [Fact]
    public async Task Step3_LookupsPerNir_RateLimitedForMembersAndStrangersAlike()
    {
        var record = MemberRecordFields.For("acs", Pin);
        await Server.ImportMemberAsync("acs", record);
        var strangerNir = TestIdentifiers.Nir();

        async Task<string?[]> SixLookups(string nir)
        {
            var statuses = new List<string?>();
            for (var i = 0; i < 6; i++)
            {
                statuses.Add((await Lookup("RecoverIdentifier", "acs", new { tenant = "acs", nir, birth_date = record.birth_date, postal_code = record.postal_code })).Field("status"));
            }

            return [.. statuses];
        }

        var member = await SixLookups(record.nir);
        var stranger = await SixLookups(strangerNir);

        Assert.Equal(member, stranger);
        Assert.Equal("RECOVER_IDENTIFIER_STATUS_TOO_MANY_ATTEMPTS", member[5]);
        Assert.All(member[..5], status => Assert.Equal("RECOVER_IDENTIFIER_STATUS_IBAN_REQUIRED", status));
    }

    [Fact]
    public async Task Step3_BadNirKey_InvalidArgumentNamingTheField()
    {
        var nir = TestIdentifiers.Nir();
        var badKey = nir[..13] + ((int.Parse(nir[13..]) + 1) % 100).ToString("00");

        var reply = await Lookup("RecoverIdentifier", "assu2000", new { tenant = "assu2000", nir = badKey, birth_date = "1984-02-30", postal_code = "7501" });

        Assert.Equal(3, reply.Code);
        Assert.Equal(["birth_date", "nir", "postal_code"], SesameServer.ViolatedFields(reply));
    }

    [Fact]
    public async Task Step4_ThreeWrongAttempts_WaitOneMinute()
    {
        // "1. J'ai tenté 3 connexions avec des identifiants/mot de passe erronés." — "Par mesure de sécurité, vous devez
        // patienter 1mn avant une nouvelle tentative"
        var identifier = await Server.ImportMemberAsync("assu2000", MemberRecordFields.For("assu2000", Pin));

        for (var i = 0; i < 2; i++)
        {
            await Server.SignInAsync("assu2000", identifier, "000111");
        }

        var third = await Server.SignInAsync("assu2000", identifier, "000111");

        Assert.Equal("LOGIN_STATUS_LOCKED_OUT", third.Field("status"));
        Assert.Equal("60", third.Response!["retry_after"]!["seconds"]!.ToString());
    }

    private Task<GrpcCallResult> Call(string method, object request) =>
        Server.Client.CallAsync($"sesame.v1.MemberRecovery/{method}", request, SesameServer.Portal((string)request.GetType().GetProperty("tenant")!.GetValue(request)!));

    private Task<GrpcCallResult> Lookup(string method, string tenant, object request) =>
        Server.Client.CallAsync($"sesame.v1.MemberRecovery/{method}", request, SesameServer.PortalFromNewAddress(tenant));
}
