using System.Text.Json.Nodes;
using Sesame.Grains.Interfaces;
using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>
/// <c>MemberAdmin/RenderPendingLetters</c>: the pending letters as one PDF, read back with poppler's pdftotext. A server
/// of its own, whose clock stays at its start (2 November 2026, 09:00 UTC), so the tenants hold only these tests' letters
/// and the demo's (cpms, mes).
/// </summary>
public sealed class LetterPrintingInteropTests : IAsyncLifetime
{
    private const string Pin = "482913";

    // Queued at the clock's start with the letter codes' lifetime of 42 days; in Paris, winter time (UTC+1).
    private const string Validity = "Valable jusqu'au 14 décembre 2026 à 10 h 00.";

    private SesameServer? server;

    private SesameServer Server => server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => server = await SesameServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task RenderPendingLetters_ThreeLettersPending_OnePageEachWithItsAddressCodeAndValidity()
    {
        // Arrange: two first-connection letters and a "Mot de passe oublié" one, for members of acs without e-mail.
        string[][] addresses =
        [
            ["Camille TESTARD", "12 rue de la Roquette", "75011 PARIS"],
            ["Louis MOREAU", "Bâtiment B", "3 place Bellecour", "69002 LYON"],
            ["Inès GARNIER", "18 cours Mirabeau", "13100 AIX-EN-PROVENCE"],
        ];
        var first = await Server.ImportMemberAsync("acs", MemberRecordFields.For("acs") with { address_lines = addresses[0] }, sendSecurityCodeLetter: true);
        var letters = new List<JsonObject> { Assert.Single(await Server.LettersForAsync("acs", first)) };
        var second = await Server.ImportMemberAsync("acs", MemberRecordFields.For("acs") with { address_lines = addresses[1] }, sendSecurityCodeLetter: true);
        letters.Add(Assert.Single(await Server.LettersForAsync("acs", second)));
        var third = await Server.ImportMemberAsync("acs", MemberRecordFields.For("acs", Pin) with { address_lines = addresses[2] });
        await Server.Client.CallAsync("sesame.v1.MemberRecovery/StartRecovery", new { tenant = "acs", identifier = third, flow_id = RandomToken.New() }, SesameServer.Portal("acs"));
        letters.Add(Assert.Single(await Server.LettersForAsync("acs", third)));

        // Act
        var result = await Render(new { tenant = "acs" });
        string[] identifiers = [first, second, third];

        // Assert
        Assert.Equal(0, result.Code);
        Assert.Equal("3", result.Field("pages"));
        Assert.Equal(letters.Select(letter => (string)letter["letter_id"]!), LetterIds(result));
        await using var pdf = await PdfFile.WriteAsync(result);
        Assert.Equal(3, await PdfText.PageCountAsync(pdf.Path));
        for (var page = 1; page <= 3; page++)
        {
            var text = await PdfText.PageAsync(pdf.Path, page);
            Assert.All(addresses[page - 1], line => Assert.Contains(line, text, StringComparison.Ordinal));
            Assert.Contains((string)letters[page - 1]["security_code"]!, text, StringComparison.Ordinal);
            Assert.Contains(Validity, text, StringComparison.Ordinal);
            Assert.Contains("Le 2 novembre 2026", text, StringComparison.Ordinal);
            Assert.Contains("ACS", text, StringComparison.Ordinal);
            Assert.DoesNotContain(identifiers[page - 1], text, StringComparison.Ordinal);
        }

        Assert.Contains("« Mot de passe oublié »", await PdfText.PageAsync(pdf.Path, 3), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderPendingLetters_LetterIdsOfThisAndAnotherTenant_OnlyThisTenantsLetterAndMarkedPrintedAfterwards()
    {
        // Arrange: a letter of assu2000, and the demo's welcome letter of cpms, whose id a back office of assu2000 sends.
        var identifier = await Server.ImportMemberAsync("assu2000", MemberRecordFields.For("assu2000"), sendSecurityCodeLetter: true);
        var letter = Assert.Single(await Server.LettersForAsync("assu2000", identifier));
        var cpmsLetter = Assert.Single(await Server.LettersForAsync("cpms", "295051305512388"));
        string[] asked = [(string)letter["letter_id"]!, (string)cpmsLetter["letter_id"]!];

        // Act
        var result = await Render(new { tenant = "assu2000", letter_ids = asked });

        // Assert: the page is assu2000's letter; once printed, it is off the list and renders no more.
        Assert.Equal(0, result.Code);
        Assert.Equal([asked[0]], LetterIds(result));
        await using var pdf = await PdfFile.WriteAsync(result);
        var text = await PdfText.PageAsync(pdf.Path, 1);
        Assert.Contains((string)letter["security_code"]!, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lucie FABRE", text, StringComparison.Ordinal);
        Assert.DoesNotContain((string)cpmsLetter["security_code"]!, text, StringComparison.Ordinal);
        var printed = await Server.Client.CallAsync("sesame.v1.MemberAdmin/MarkLettersPrinted", new { tenant = "assu2000", letter_ids = LetterIds(result) }, SesameServer.BackOffice);
        Assert.Equal("1", printed.Field("removed"));
        Assert.Equal("0", (await Render(new { tenant = "assu2000", letter_ids = asked })).Field("pages"));
    }

    [Fact]
    public async Task RenderPendingLetters_FirstAddressLine_InsideTheEnvelopeWindow()
    {
        // Arrange
        var identifier = await Server.ImportMemberAsync("assu2000", MemberRecordFields.For("assu2000") with { address_lines = ["Margaux FENÊTRE", "7 rue du Guichet", "44000 NANTES"] }, sendSecurityCodeLetter: true);
        var letter = Assert.Single(await Server.LettersForAsync("assu2000", identifier));

        // Act
        var result = await Render(new { tenant = "assu2000", letter_ids = new[] { (string)letter["letter_id"]! } });

        // Assert: the window of a DL envelope, 100 × 45 mm at 20 mm from the right edge and 50 mm from the top of A4.
        await using var pdf = await PdfFile.WriteAsync(result);
        var words = await PdfText.WordsAsync(pdf.Path, 1);
        static double Points(double millimetres) => millimetres * 72 / 25.4;
        foreach (var word in new[] { "Margaux", "FENÊTRE", "NANTES" })
        {
            var box = Assert.Single(words, candidate => candidate.Text == word);
            Assert.InRange(box.Left, Points(90), Points(190));
            Assert.InRange(box.Right, Points(90), Points(190));
            Assert.InRange(box.Top, Points(50), Points(95));
            Assert.InRange(box.Bottom, Points(50), Points(95));
        }
    }

    [Fact]
    public async Task RenderPendingLetters_NoLetterPending_EmptyReply()
    {
        var result = await Render(new { tenant = "mnt" });

        Assert.Equal(0, result.Code);
        Assert.Equal("0", result.Field("pages"));
        Assert.Equal(string.Empty, result.Field("pdf"));
        Assert.Empty(LetterIds(result));
    }

    [Fact]
    public async Task RenderPendingLetters_MoreThan500LetterIds_InvalidArgument()
    {
        var ids = Enumerable.Range(0, 501).Select(index => $"{index:x32}").ToArray();

        var result = await Render(new { tenant = "assu2000", letter_ids = ids });

        Assert.Equal(["letter_ids"], SesameServer.ViolatedFields(result));
    }

    [Fact]
    public async Task RenderPendingLetters_PortalKey_PermissionDenied()
    {
        var result = await Server.Client.CallAsync("sesame.v1.MemberAdmin/RenderPendingLetters", new { tenant = "cpms" }, SesameServer.Portal("cpms"));

        Assert.Equal(7, result.Code);
    }

    [Fact]
    public async Task RenderPendingLetters_FontMissing_FailedPreconditionNamingThePackage()
    {
        // Arrange: a server whose font folder is empty, as on a host without fonts-dejavu-core.
        var empty = Directory.CreateTempSubdirectory("sesame-fonts-");
        try
        {
            await using var fontless = await SesameServer.StartAsync(new Dictionary<string, string?> { ["Sesame:Letters:FontDirectory"] = empty.FullName });

            // Act
            var result = await fontless.Client.CallAsync("sesame.v1.MemberAdmin/RenderPendingLetters", new { tenant = "cpms" }, SesameServer.BackOffice);

            // Assert: the server answers, and serves on.
            Assert.Equal(9, result.Code);
            Assert.Contains("fonts-dejavu-core", result.Details, StringComparison.Ordinal);
            Assert.Equal(0, (await fontless.Client.CallAsync("sesame.v1.MemberAdmin/ListPendingLetters", new { tenant = "cpms" }, SesameServer.BackOffice)).Code);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    private static string[] LetterIds(GrpcCallResult result) => [.. result.Response!["letter_ids"]!.AsArray().Select(id => (string)id!)];

    private Task<GrpcCallResult> Render(object request) =>
        Server.Client.CallAsync("sesame.v1.MemberAdmin/RenderPendingLetters", request, SesameServer.BackOffice);
}
