namespace Sesame.LoadTest.Cli;

/// <summary>How the tool ends.</summary>
internal static class ExitCodes
{
    public const int Passed = 0;

    /// <summary>The correctness check found an account whose audit trail does not match what the run was answered.</summary>
    public const int CorrectnessFailed = 1;

    /// <summary>Bad arguments, an unreadable file, or a server that does not answer.</summary>
    public const int Unusable = 2;
}
