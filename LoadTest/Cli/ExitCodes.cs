namespace Sesame.LoadTest.Cli;

/// <summary>How the tool ends.</summary>
internal static class ExitCodes
{
    public const int Passed = 0;

    /// <summary>Arguments the tool cannot use, a file it cannot read, or a server that does not answer (a command line System.CommandLine cannot parse is 1).</summary>
    public const int Unusable = 2;

    /// <summary>The correctness check found an account whose audit trail does not match what the run was answered.</summary>
    public const int CorrectnessFailed = 3;
}
