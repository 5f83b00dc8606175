namespace Sesame.Grains.AttackSignals;

/// <summary>
/// One signal's episodes: one starts when the figure watched reaches its threshold, and ends once the figure is back
/// to half the threshold or less, so a figure that hovers around the threshold signals once, not at every crossing.
/// </summary>
internal sealed class SignalEpisode
{
    private bool ongoing;

    /// <summary>Follows <paramref name="figure"/>; true when it starts an episode.</summary>
    public bool Starts(int figure, int threshold)
    {
        if (ongoing)
        {
            ongoing = figure * 2L > threshold;
            return false;
        }

        ongoing = figure >= threshold;
        return ongoing;
    }
}
