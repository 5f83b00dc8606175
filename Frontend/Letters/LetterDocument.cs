using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Tenants;

namespace Sesame.Frontend.Letters;

/// <summary>
/// Letters as one PDF to print, one A4 page each, for a DL envelope with its window on the right: the sheet is folded
/// in three (folds at 99 and 198 mm, marked on the left edge) and the address block shows through the window.
/// </summary>
internal sealed class LetterDocument(LetterFonts fonts, TimeProvider time)
{
    private const double Left = 20;
    private const double TextWidth = 170;

    // The window of a French DL envelope (110 × 220 mm) with the window on the right, as the sheet sees it once
    // folded: 100 × 45 mm, 20 mm from the right edge and 50 mm from the top (La Poste's usual figures), so x 90-190 mm
    // and y 50-95 mm. The address is printed 5 mm inside it, so it stays in view when the sheet shifts in the envelope.
    private static readonly XRect AddressBlock = MmRect(95, 55, 90, 35);

    public byte[] Render(IReadOnlyList<PendingLetter> letters, TenantPolicy tenant, string portal)
    {
        fonts.Register();
        var today = FrenchDates.Day(time.GetUtcNow());
        using var document = new PdfDocument();
        document.Info.Title = $"Courriers {portal}";
        document.Info.CreationDate = time.GetUtcNow().UtcDateTime;
        foreach (var letter in letters)
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            using var graphics = XGraphics.FromPdfPage(page);
            DrawPage(new LetterPage(graphics), letter, LetterWording.For(letter, tenant, portal), portal, today);
        }

        using var pdf = new MemoryStream();
        document.Save(pdf, closeStream: false);
        return pdf.ToArray();
    }

    private static void DrawPage(LetterPage page, PendingLetter letter, LetterContent content, string portal, string today)
    {
        var regular = new XFont(LetterFonts.Family, 10, XFontStyleEx.Regular);
        var bold = new XFont(LetterFonts.Family, 10, XFontStyleEx.Bold);

        page.FoldMarks();
        page.Text(portal, new XFont(LetterFonts.Family, 14, XFontStyleEx.Bold), Mm(Left), Mm(20));
        page.AddressBlock(letter.AddressLines, AddressBlock);
        page.Text($"Le {today}", regular, Mm(95), Mm(105));

        var y = Mm(120);
        y = page.Paragraph($"Objet : {content.Subject}", bold, Mm(Left), y, Mm(TextWidth)) + Mm(6);
        y = page.Paragraph("Madame, Monsieur,", regular, Mm(Left), y, Mm(TextWidth)) + Mm(3);
        y = page.Paragraph(content.Opening, regular, Mm(Left), y, Mm(TextWidth)) + Mm(5);
        y = page.Paragraph(content.CodeLabel, bold, Mm(Left), y, Mm(TextWidth)) + Mm(2);
        y = page.Code(content.Code, new XFont(LetterFonts.Family, 24, XFontStyleEx.Bold), Mm(Left), y, Mm(TextWidth)) + Mm(2);
        y = page.Paragraph(content.Validity, regular, Mm(Left), y, Mm(TextWidth)) + Mm(6);
        y = page.Paragraph("Pour l'utiliser :", bold, Mm(Left), y, Mm(TextWidth)) + Mm(2);
        foreach (var (step, number) in content.Steps.Select((step, index) => (step, index + 1)))
        {
            page.Text($"{number}.", regular, Mm(Left + 2), y);
            y = page.Paragraph(step, regular, Mm(Left + 8), y, Mm(TextWidth - 8)) + Mm(1.5);
        }

        y = page.Paragraph(content.Warning, regular, Mm(Left), y + Mm(4), Mm(TextWidth)) + Mm(6);
        y = page.Paragraph("Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.", regular, Mm(Left), y, Mm(TextWidth)) + Mm(4);
        page.Text(portal, bold, Mm(Left), y);
    }

    private static double Mm(double millimetres) => XUnit.FromMillimeter(millimetres).Point;

    private static XRect MmRect(double x, double y, double width, double height) => new(Mm(x), Mm(y), Mm(width), Mm(height));
}
