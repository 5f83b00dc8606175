using Sesame.Grains.Interfaces;
using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>"AIDE POUR VOUS CONNECTER À VOTRE ESPACE ADHÉRENT CPMS", step by step through grpc-js; PINs go through the scrambled keypad.</summary>
[Collection(ServerCollection.Name)]
public sealed class CpmsHelpPageTests(SesameServerFixture fixture)
{
    private const string Pin = "482913";
    private const string NewPin = "705318";

    private SesameServer Server => fixture.Server;

    [Fact]
    public async Task Step2_EmailKnown_CodeByMailThenPinCreatedAndConfirmedOnTheKeypad()
    {
        // "1. Je clique sur le lien : « Obtenir mon code de sécurité ». 2. Je saisis mon n° de Sécurité Sociale et je valide."
        var email = $"cpms{Guid.NewGuid():N}@cpms.com";
        var identifier = await Server.ImportMemberAsync("cpms", MemberRecordFields.For("cpms", Pin) with { email = email });
        var flow = RandomToken.New();
        var start = await Call("StartRecovery", new { tenant = "cpms", identifier = Spaced(identifier), flow_id = flow });

        // "Un e-mail contenant votre code de sécurité vous a été envoyé sur cpms@cpms.com." (masked by policy)
        Assert.Equal("CODE_CHANNEL_EMAIL", start.Field("channel"));
        Assert.Equal("c****@c****.com", start.Field("masked_destination"));

        // "a. Je reçois un mail ... b. Je renseigne les 6 chiffres et je clique sur Vérifier."
        var code = SesameServer.CodeIn(await Server.WaitForMessageAsync(email, "code de sécurité"));
        var verified = await Call("VerifyCode", new { tenant = "cpms", identifier, flow_id = flow, code });
        Assert.Equal("VERIFY_CODE_STATUS_VERIFIED", verified.Field("status"));

        // "c. Je crée mon mot de passe définitif à 6 chiffres et le confirme." — "Créez votre mot de passe / Confirmez
        // votre mot de passe" on one scrambled keypad.
        var set = await SetPinOnKeypadAsync(identifier, verified.Field("reset_token")!, NewPin, NewPin);
        Assert.Equal("SET_NEW_SECRET_STATUS_CHANGED", set.Field("status"));
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", (await Server.SignInAsync("cpms", identifier, NewPin)).Field("status"));
    }

    [Fact]
    public async Task Step2_EmailUnknown_PostalLetterAnnounced()
    {
        // "Un courrier postal contenant votre code de sécurité va vous être envoyé."
        var identifier = await Server.ImportMemberAsync("cpms", MemberRecordFields.For("cpms", Pin));

        var start = await Call("StartRecovery", new { tenant = "cpms", identifier, flow_id = RandomToken.New() });

        Assert.Equal("CODE_CHANNEL_LETTER", start.Field("channel"));
        Assert.Single(await Server.LettersForAsync("cpms", identifier));
    }

    [Fact]
    public async Task Step2c_KeypadConfirmationDiffers_InvalidArgumentAndPinUnchanged()
    {
        var email = $"cpms{Guid.NewGuid():N}@cpms.com";
        var identifier = await Server.ImportMemberAsync("cpms", MemberRecordFields.For("cpms", Pin) with { email = email });
        var flow = RandomToken.New();
        await Call("StartRecovery", new { tenant = "cpms", identifier, flow_id = flow });
        var code = SesameServer.CodeIn(await Server.WaitForMessageAsync(email, "code de sécurité"));
        var token = (await Call("VerifyCode", new { tenant = "cpms", identifier, flow_id = flow, code })).Field("reset_token")!;

        var mismatch = await SetPinOnKeypadAsync(identifier, token, NewPin, "705319");

        Assert.Equal(3, mismatch.Code);
        Assert.Equal(["confirmation_positions"], SesameServer.ViolatedFields(mismatch));
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", (await Server.SignInAsync("cpms", identifier, Pin)).Field("status"));
    }

    [Fact]
    public async Task Step3_FirstConnection_LetterCodeThenPinThenOptionalTerms()
    {
        // "Je ne me suis JAMAIS connecté(e)": imported without a PIN, the welcome letter carries the security code.
        var identifier = await Server.ImportMemberAsync("cpms", MemberRecordFields.For("cpms"), sendSecurityCodeLetter: true);
        var letter = Assert.Single(await Server.LettersForAsync("cpms", identifier));
        Assert.Equal("LETTER_KIND_SECURITY_CODE", (string?)letter["kind"]);
        Assert.Equal("LOGIN_STATUS_INVALID_CREDENTIALS", (await Server.SignInAsync("cpms", identifier, Pin)).Field("status"));

        // "1. ... saisis mon numéro de Sécurité Sociale et mon code de sécurité à usage unique reçu par courrier"
        var verified = await Call("VerifyCode", new { tenant = "cpms", identifier, flow_id = RandomToken.New(), code = (string)letter["security_code"]! });
        Assert.Equal("VERIFY_CODE_STATUS_VERIFIED", verified.Field("status"));

        // "2. Je personnalise mon mot de passe à 6 chiffres et le confirme."
        Assert.Equal("SET_NEW_SECRET_STATUS_CHANGED", (await SetPinOnKeypadAsync(identifier, verified.Field("reset_token")!, NewPin, NewPin)).Field("status"));

        // "3. J'accepte les Conditions Générales d'Utilisation (facultative)."
        var login = await Server.SignInAsync("cpms", identifier, NewPin);
        Assert.Equal("cgu-2024-01", login.Field("terms_version_to_accept"));
        var accepted = await Server.Client.CallAsync("sesame.v1.MemberAuth/AcceptTerms", new { tenant = "cpms", session_token = login.Field("session_token"), terms_version = "cgu-2024-01" }, SesameServer.Portal("cpms"));
        Assert.Equal(0, accepted.Code);
        Assert.Equal(string.Empty, (await Server.SignInAsync("cpms", identifier, NewPin)).Field("terms_version_to_accept"));
        Assert.Contains("AUDIT_EVENT_TERMS_ACCEPTED", await Server.AuditEventsAsync("cpms", identifier));
    }

    [Fact]
    public async Task Step3_FirstConnection_TermsAreOptional()
    {
        var identifier = await Server.ImportMemberAsync("cpms", MemberRecordFields.For("cpms"), sendSecurityCodeLetter: true);
        var letter = Assert.Single(await Server.LettersForAsync("cpms", identifier));
        var verified = await Call("VerifyCode", new { tenant = "cpms", identifier, flow_id = RandomToken.New(), code = (string)letter["security_code"]! });
        await SetPinOnKeypadAsync(identifier, verified.Field("reset_token")!, NewPin, NewPin);

        var first = await Server.SignInAsync("cpms", identifier, NewPin);
        var second = await Server.SignInAsync("cpms", identifier, NewPin);

        Assert.Equal("LOGIN_STATUS_SUCCEEDED", first.Field("status"));
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", second.Field("status"));
        Assert.Equal("cgu-2024-01", second.Field("terms_version_to_accept"));
    }

    [Fact]
    public async Task Step3_LetterCodeUsedTwice_SecondRefused()
    {
        var identifier = await Server.ImportMemberAsync("cpms", MemberRecordFields.For("cpms"), sendSecurityCodeLetter: true);
        var code = (string)Assert.Single(await Server.LettersForAsync("cpms", identifier))["security_code"]!;

        var first = await Call("VerifyCode", new { tenant = "cpms", identifier, flow_id = RandomToken.New(), code });
        var second = await Call("VerifyCode", new { tenant = "cpms", identifier, flow_id = RandomToken.New(), code });

        Assert.Equal("VERIFY_CODE_STATUS_VERIFIED", first.Field("status"));
        Assert.Equal("VERIFY_CODE_STATUS_REFUSED", second.Field("status"));
    }

    [Fact]
    public async Task Step4_WrongPin_RemainingAttemptsShown()
    {
        // "Mot de passe erroné. Attention il vous reste N tentatives pour le saisir."
        var identifier = await Server.ImportMemberAsync("cpms", MemberRecordFields.For("cpms", Pin));

        var wrong = await Server.SignInAsync("cpms", identifier, "000111");

        Assert.Equal("LOGIN_STATUS_INVALID_CREDENTIALS", wrong.Field("status"));
        Assert.Equal("2", wrong.Field("remaining_attempts"));
    }

    [Fact]
    public async Task RecoverIdentifier_IdentifierIsTheNir_FailedPrecondition()
    {
        var result = await Call("RecoverIdentifier", new { tenant = "cpms", nir = TestIdentifiers.Nir(), birth_date = "1984-07-19", postal_code = "75011" });

        Assert.Equal(9, result.Code);
    }

    private static string Spaced(string nir) => $"{nir[0]} {nir[1..3]} {nir[3..5]} {nir[5..7]} {nir[7..10]} {nir[10..13]} {nir[13..]}";

    private async Task<GrpcCallResult> SetPinOnKeypadAsync(string identifier, string resetToken, string pin, string confirmation)
    {
        var (keypadId, typed) = await Server.TypeOnKeypadAsync("cpms", [pin, confirmation]);
        return await Call("SetNewSecret", new { tenant = "cpms", identifier, reset_token = resetToken, keypad_id = keypadId, positions = typed[0], confirmation_positions = typed[1] });
    }

    private Task<GrpcCallResult> Call(string method, object request) =>
        Server.Client.CallAsync($"sesame.v1.MemberRecovery/{method}", request, SesameServer.Portal("cpms"));
}
