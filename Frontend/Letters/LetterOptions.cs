namespace Sesame.Frontend.Letters;

/// <summary>How letters are rendered (<c>Sesame:Letters</c>).</summary>
public sealed class LetterOptions
{
    /// <summary>
    /// The folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf. Default: where Debian's package fonts-dejavu-core
    /// installs them.
    /// </summary>
    public string FontDirectory { get; set; } = "/usr/share/fonts/truetype/dejavu";
}
