using System.Text.RegularExpressions;
using MimeKit;
using Sesame.Grains.Interfaces;
using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>
/// ASSU2000's "Mot de passe oublié" end to end with real e-mail: a Sésame whose <c>Sesame:Notifications:Smtp</c>
/// points at a smtp4dev started here, the portal's calls through grpc-js, and the code read from the e-mail smtp4dev
/// received, as the member reads it in a mailbox, never from the log.
/// </summary>
public sealed partial class Assu2000EmailJourneyTests : IAsyncLifetime
{
    private const string Tenant = "assu2000";
    private const string Identifier = "AS100001";
    private const string Email = "sophie.martin@courriel.fr";
    private const string NewPin = "705318";

    private Smtp4dev? smtp;
    private SesameServer? server;

    public async Task InitializeAsync()
    {
        smtp = await Smtp4dev.StartAsync();
        server = await SesameServer.StartAsync(new Dictionary<string, string?>
        {
            ["Sesame:Notifications:Smtp:Host"] = "127.0.0.1",
            ["Sesame:Notifications:Smtp:Port"] = smtp.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Sesame:Notifications:Smtp:Security"] = "None",
        });
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        if (smtp is not null)
        {
            await smtp.DisposeAsync();
        }
    }

    [Fact]
    public async Task ForgotPin_CodeReadFromTheReceivedEmail_NewPinSetAndSignedIn()
    {
        var flow = RandomToken.New();

        // "1. Je clique sur le lien : « Mot de passe oublié » 2. Je saisis mon identifiant et je valide."
        var start = await Call("StartRecovery", new { tenant = Tenant, identifier = Identifier, flow_id = flow });
        Assert.Equal("CODE_CHANNEL_EMAIL", start.Field("channel"));
        Assert.Equal("s****@c****.fr", start.Field("masked_destination"));

        // "a. Je reçois un mail contenant un code de sécurité à usage unique." The clock has not moved: the dispatcher
        // sends at once on the account's signal.
        var email = Assert.Single(await smtp!.WaitForMessagesToAsync(Email));
        Assert.Equal(("ASSU2000", "no-reply@assu2000.sesame.invalid"), (email.From.Mailboxes.Single().Name, email.From.Mailboxes.Single().Address));
        Assert.Equal("ASSU2000 : votre code de sécurité", email.Subject);
        Assert.Matches("^[0-9a-f]{32}@sesame\\.assu2000$", email.MessageId);
        Assert.IsType<MultipartAlternative>(email.Body);
        var code = CodePattern().Match(email.TextBody!).Groups[1].Value;
        Assert.Matches("^[0-9]{6}$", code);
        Assert.Contains($">{code}</strong>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Si vous n'êtes pas à l'origine de cette demande", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(server!.Outbox.Sent, message => message.Destination == Email);

        // "b. Je renseigne les 6 chiffres et je clique sur Vérifier."
        var verified = await Call("VerifyCode", new { tenant = Tenant, identifier = Identifier, flow_id = flow, code });
        Assert.Equal("VERIFY_CODE_STATUS_VERIFIED", verified.Field("status"));

        // "c. Je crée mon mot de passe définitif à 6 chiffres et le confirme."
        var set = await Call("SetNewSecret", new { tenant = Tenant, identifier = Identifier, reset_token = verified.Field("reset_token"), secret = NewPin, confirmation = NewPin });
        Assert.Equal("SET_NEW_SECRET_STATUS_CHANGED", set.Field("status"));

        Assert.Equal("LOGIN_STATUS_SUCCEEDED", (await server.SignInAsync(Tenant, Identifier, NewPin)).Field("status"));
        var told = (await smtp.WaitForMessagesToAsync(Email, 2))[1];
        Assert.Equal("ASSU2000 : votre mot de passe a été modifié", told.Subject);
        Assert.NotEqual(email.MessageId, told.MessageId);
    }

    private Task<GrpcCallResult> Call(string method, object request) =>
        server!.Client.CallAsync($"sesame.v1.MemberRecovery/{method}", request, SesameServer.Portal(Tenant));

    [GeneratedRegex("Votre code de sécurité à usage unique : ([0-9]+)\\.")]
    private static partial Regex CodePattern();
}
