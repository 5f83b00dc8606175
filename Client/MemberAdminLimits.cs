namespace Sesame.Client;

/// <summary>What MemberAdmin takes.</summary>
public static class MemberAdminLimits
{
    /// <summary>Records per ImportMembers call.</summary>
    public const int MaxImportBatch = 500;
}
