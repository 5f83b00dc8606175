namespace Sesame.Frontend.Letters;

/// <summary>What one letter says, below its addresses and date.</summary>
/// <param name="Subject">The object line ("Objet : …").</param>
/// <param name="Opening">The first paragraph.</param>
/// <param name="CodeLabel">What the code is, above it.</param>
/// <param name="Code">The one-time code, printed large.</param>
/// <param name="Validity">Until when the code works, below it; empty if the letter's code has no end.</param>
/// <param name="Steps">The help page's instructions, numbered.</param>
/// <param name="Warning">What to do if the member did not ask, and never to pass the code on.</param>
internal sealed record LetterContent(string Subject, string Opening, string CodeLabel, string Code, string Validity, IReadOnlyList<string> Steps, string Warning);
