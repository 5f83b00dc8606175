using System.Globalization;
using Sesame.Grains.Interfaces;

namespace Sesame.Grains.Activation;

/// <summary>Which <see cref="ISpaceDeadlinesGrain"/> lists a deadline: the one of its day, in UTC.</summary>
internal static class SpaceDeadlines
{
    public static ISpaceDeadlinesGrain For(IGrainFactory grains, DateTimeOffset deadline) =>
        grains.GetGrain<ISpaceDeadlinesGrain>(deadline.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
