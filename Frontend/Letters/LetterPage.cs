using PdfSharp.Drawing;

namespace Sesame.Frontend.Letters;

/// <summary>Drawing on one letter's page, in points from its top left corner; each text call returns the y below it.</summary>
internal sealed class LetterPage(XGraphics graphics)
{
    private const double LineSpacing = 1.3;

    public void Text(string text, XFont font, double x, double y) =>
        graphics.DrawString(text, font, XBrushes.Black, new XPoint(x, y), XStringFormats.TopLeft);

    /// <summary>Words wrapped to <paramref name="width"/>.</summary>
    public double Paragraph(string text, XFont font, double x, double y, double width)
    {
        foreach (var line in Wrap(text, font, width))
        {
            Text(line, font, x, y);
            y += font.Size * LineSpacing;
        }

        return y;
    }

    /// <summary>
    /// The address lines (at most 6 of 38 characters, NF Z10-011) in <paramref name="block"/>, at 10 points or smaller
    /// where the longest line would not fit.
    /// </summary>
    public void AddressBlock(IReadOnlyList<string> lines, XRect block)
    {
        var size = 10.0;
        var widest = lines.Select(line => graphics.MeasureString(line, new XFont(LetterFonts.Family, size)).Width).DefaultIfEmpty(0).Max();
        if (widest > block.Width)
        {
            size *= block.Width / widest;
        }

        var font = new XFont(LetterFonts.Family, size);
        var y = block.Top;
        foreach (var line in lines)
        {
            Text(line, font, block.Left, y);
            y += size * LineSpacing;
        }
    }

    /// <summary>The code, large, in a frame across <paramref name="width"/>.</summary>
    public double Code(string code, XFont font, double x, double y, double width)
    {
        var height = font.Size * 2;
        var frame = new XRect(x, y, width, height);
        graphics.DrawRectangle(new XPen(XColors.Black, 1), frame);
        graphics.DrawString(code, font, XBrushes.Black, frame, XStringFormats.Center);
        return y + height;
    }

    /// <summary>Short marks on the left edge where the sheet is folded in three for the envelope.</summary>
    public void FoldMarks()
    {
        var pen = new XPen(XColors.Gray, 0.5);
        foreach (var fold in new[] { 99.0, 198.0 })
        {
            var y = XUnit.FromMillimeter(fold).Point;
            graphics.DrawLine(pen, 0, y, XUnit.FromMillimeter(5).Point, y);
        }
    }

    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (line.Length > 0 && graphics.MeasureString(candidate, font).Width > width)
            {
                lines.Add(line);
                candidate = word;
            }

            line = candidate;
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }
}
