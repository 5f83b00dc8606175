using Microsoft.Extensions.Options;
using PdfSharp.Fonts;

namespace Sesame.Frontend.Letters;

/// <summary>
/// The letters' font, DejaVu Sans, read from <see cref="LetterOptions.FontDirectory"/>: PDFsharp draws text on Linux
/// only through a font resolver.
/// </summary>
internal sealed class LetterFonts(IOptions<LetterOptions> options) : IFontResolver
{
    public const string Family = "DejaVu Sans";

    public const string DebianPackage = "fonts-dejavu-core";

    private const string Regular = "DejaVuSans";

    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lock RegistrationGate = new();

    private readonly string directory = options.Value.FontDirectory;

    /// <summary>The first font file missing from the folder, or null when both are there.</summary>
    public string? MissingFile =>
        new[] { Regular, Bold }.Select(face => Path.Combine(directory, face + ".ttf")).FirstOrDefault(path => !File.Exists(path));

    /// <summary>
    /// Makes PDFsharp draw with these fonts. Its resolver is one per process and may be set only once: a second host in
    /// the same process (tests) keeps the first one's, which serves the same font.
    /// </summary>
    public void Register()
    {
        lock (RegistrationGate)
        {
            GlobalFontSettings.FontResolver ??= this;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        familyName == Family ? new FontResolverInfo(isBold ? Bold : Regular) : null;

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(directory, faceName + ".ttf"));
}
