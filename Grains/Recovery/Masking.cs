namespace Sesame.Grains.Recovery;

/// <summary>Contacts as replies may show them: enough for the member to recognise, too little to learn.</summary>
internal static class Masking
{
    /// <summary><c>sophie.martin@courriel.fr</c> → <c>s****@c****.fr</c>, as the ASSU2000 and ACS pages show it.</summary>
    public static string Email(string email)
    {
        var at = email.LastIndexOf('@');
        var domain = email[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        var suffix = dot < 0 ? string.Empty : domain[dot..];
        return $"{email[0]}****@{domain[0]}****{suffix}";
    }

    /// <summary><c>+33612345678</c> → <c>+336******78</c>.</summary>
    public static string Mobile(string mobile) => $"{mobile[..4]}{new string('*', mobile.Length - 6)}{mobile[^2..]}";
}
