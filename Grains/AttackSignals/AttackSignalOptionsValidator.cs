using Microsoft.Extensions.Options;

namespace Sesame.Grains.AttackSignals;

/// <summary>Checks <c>Sesame:AttackSignals</c>: a window of whole minutes, thresholds and capacity in their ranges.</summary>
internal sealed class AttackSignalOptionsValidator : IValidateOptions<AttackSignalOptions>
{
    private const string Section = "Sesame:AttackSignals";

    public ValidateOptionsResult Validate(string? name, AttackSignalOptions options)
    {
        var failures = new List<string>();
        if (options.Window < TimeSpan.FromMinutes(1) || options.Window > TimeSpan.FromHours(1) || options.Window.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            failures.Add($"{Section}:Window must be a whole number of minutes from 00:01:00 to 01:00:00.");
        }

        CheckRange(failures, nameof(options.FailedAccountsThreshold), options.FailedAccountsThreshold, 2, 1_000_000);
        CheckRange(failures, nameof(options.ClientIpAccountsThreshold), options.ClientIpAccountsThreshold, 2, 100_000);
        CheckRange(failures, nameof(options.MaxTrackedClientIps), options.MaxTrackedClientIps, 100, 1_000_000);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckRange(List<string> failures, string setting, int value, int minimum, int maximum)
    {
        if (value < minimum || value > maximum)
        {
            failures.Add($"{Section}:{setting} must be from {minimum} to {maximum}.");
        }
    }
}
