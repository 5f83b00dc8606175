using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Sesame.Interop.Tests;

/// <summary>What poppler-utils (<c>pdftotext</c>, <c>pdfinfo</c>) read in a PDF, run as real processes.</summary>
public static partial class PdfText
{
    /// <summary>The text of one page (1-based), laid out as printed.</summary>
    public static Task<string> PageAsync(string pdf, int page) => RunAsync("pdftotext", "-layout", "-f", $"{page}", "-l", $"{page}", pdf, "-");

    /// <summary>How many pages the PDF holds, as pdfinfo counts them.</summary>
    public static async Task<int> PageCountAsync(string pdf)
    {
        var info = await RunAsync("pdfinfo", pdf);
        var pages = info.Split('\n').Single(line => line.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(pages["Pages:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The words of one page with their boxes, in points from the page's top left corner.</summary>
    public static async Task<IReadOnlyList<(string Text, double Left, double Top, double Right, double Bottom)>> WordsAsync(string pdf, int page)
    {
        var html = await RunAsync("pdftotext", "-bbox", "-f", $"{page}", "-l", $"{page}", pdf, "-");
        return [.. WordPattern().Matches(html).Select(word => (
            WebUtility.HtmlDecode(word.Groups["text"].Value),
            Coordinate(word, "left"),
            Coordinate(word, "top"),
            Coordinate(word, "right"),
            Coordinate(word, "bottom")))];
    }

    private static double Coordinate(Match word, string name) => double.Parse(word.Groups[name].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("<word xMin=\"(?<left>[0-9.]+)\" yMin=\"(?<top>[0-9.]+)\" xMax=\"(?<right>[0-9.]+)\" yMax=\"(?<bottom>[0-9.]+)\">(?<text>[^<]*)</word>")]
    private static partial Regex WordPattern();

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"{tool} is missing: install the Debian package poppler-utils (./test.sh does).", exception);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{tool} exited {process.ExitCode}: {await errors}");
            return await output;
        }
    }
}
