namespace Sesame.Frontend.Security;

/// <summary>Which API a credential opens.</summary>
public enum CallerKind
{
    /// <summary>A member portal: <c>sesame.v1.MemberAuth</c> and <c>sesame.v1.Portal</c>, for one tenant.</summary>
    Portal = 1,

    /// <summary>An insurer back office: <c>sesame.v1.MemberAdmin</c>, for its tenants.</summary>
    BackOffice = 2,
}
