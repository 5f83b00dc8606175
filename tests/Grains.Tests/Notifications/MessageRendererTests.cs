using System.Text.RegularExpressions;
using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Notifications;

namespace Sesame.Grains.Tests.Notifications;

public sealed class MessageRendererTests
{
    private const string Address = "sophie.martin@courriel.fr";
    private static readonly DateTimeOffset Sent = new(2026, 11, 30, 21, 10, 0, TimeSpan.Zero);

    [Fact]
    public void Render_RecoveryCodeByEmail_FrenchTextAndHtmlWithTenantCodeValidityAndWhatIfNotYou()
    {
        var message = MessageRenderer.Render(Code(NotificationKind.RecoveryCode, CodeChannel.Email, "482913"), "assu2000", "ASSU2000");

        Assert.Equal(("assu2000", CodeChannel.Email, Address), (message.Tenant, message.Channel, message.Destination));
        Assert.Equal("ASSU2000 : votre code de sécurité", message.Subject);
        foreach (var part in new[] { message.Body, message.HtmlBody })
        {
            Assert.Contains("Bonjour,", part, StringComparison.Ordinal);
            Assert.Contains("Votre code de sécurité à usage unique : ", part, StringComparison.Ordinal);
            Assert.Contains("Il est valable jusqu'au 30/11/2026 à 22:20.", part, StringComparison.Ordinal);
            Assert.Contains("Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.", part, StringComparison.Ordinal);
            Assert.Contains("Ne communiquez ce code à personne : ASSU2000 ne vous le demandera jamais.", part, StringComparison.Ordinal);
            Assert.Contains("Ce message vous est envoyé automatiquement", part, StringComparison.Ordinal);
        }

        Assert.Contains("Votre code de sécurité à usage unique : 482913.", message.Body, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<strong style=\"font-size: 20px; letter-spacing: 2px;\">482913</strong>", message.HtmlBody, StringComparison.Ordinal);
        Assert.EndsWith("ASSU2000\nCe message vous est envoyé automatiquement ; merci de ne pas y répondre.\n", message.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NotificationKind.RecoveryCode)]
    [InlineData(NotificationKind.SecurityCode)]
    [InlineData(NotificationKind.AccessCode)]
    [InlineData(NotificationKind.ContactCode)]
    [InlineData(NotificationKind.ProvisionalCode)]
    [InlineData(NotificationKind.IdentifierReminder)]
    public void Render_EmailCarryingACode_CarriesThatOneSecretOnceAndNothingElseOfTheMember(NotificationKind kind)
    {
        const string payload = "K7M2P9Q4R8T3";

        var message = MessageRenderer.Render(Code(kind, CodeChannel.Email, payload), "assu2000", "ASSU2000");

        foreach (var part in new[] { message.Subject, message.Body, message.HtmlBody })
        {
            Assert.DoesNotContain(Address, part, StringComparison.Ordinal);
            Assert.DoesNotContain("sophie", part, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(payload, message.Subject, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(message.Body, payload));
        Assert.Single(Regex.Matches(message.HtmlBody, payload));
    }

    [Fact]
    public void Render_EveryKindByEmail_BothPartsInFrenchSignedByThePortal()
    {
        foreach (var kind in Enum.GetValues<NotificationKind>())
        {
            var message = MessageRenderer.Render(Code(kind, CodeChannel.Email, "482913"), "mnt", "Mutuelle des agents publics");

            Assert.StartsWith("Bonjour,\n\n", message.Body, StringComparison.Ordinal);
            Assert.Contains("Mutuelle des agents publics", message.Subject, StringComparison.Ordinal);
            Assert.Contains("Mutuelle des agents publics\nCe message vous est envoyé automatiquement", message.Body, StringComparison.Ordinal);
            Assert.Contains("<p>Bonjour,</p>", message.HtmlBody, StringComparison.Ordinal);
            Assert.Contains("<p>Mutuelle des agents publics<br>", message.HtmlBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_PortalNameWithMarkup_EncodedInHtml()
    {
        var message = MessageRenderer.Render(Code(NotificationKind.SecretChanged, CodeChannel.Email, null), "x", "Mutuelle <b>X</b> & Cie");

        Assert.Contains("Mutuelle &lt;b&gt;X&lt;/b&gt; &amp; Cie", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Mutuelle <b>X</b> & Cie", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Sms_OneLineWithoutSubjectNorHtml()
    {
        var message = MessageRenderer.Render(Code(NotificationKind.RecoveryCode, CodeChannel.Sms, "482913") with { Destination = "+33612345678" }, "mnt", "Mutuelle des agents publics");

        Assert.Equal((string.Empty, string.Empty), (message.Subject, message.HtmlBody));
        Assert.Equal("Mutuelle des agents publics : code de sécurité à usage unique : 482913, valable jusqu'au 30/11/2026 à 22:20. Ne le communiquez à personne.", message.Body);
        Assert.True(SmsText.IsGsm7(message.Body));
    }

    private static Notification Code(NotificationKind kind, CodeChannel channel, string? payload) =>
        new(Guid.NewGuid().ToString("N"), kind, channel, Address, payload, Sent, Sent.AddMinutes(10), "AS100001");
}
