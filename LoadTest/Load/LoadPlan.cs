namespace Sesame.LoadTest.Load;

/// <summary>
/// The arrival rates of a run: one step per rate, each <see cref="StepDuration"/> long. Members arrive at a constant
/// rate within a step (open loop): a slow server does not slow the arrivals, it shows as latency.
/// </summary>
internal sealed record LoadPlan(IReadOnlyList<double> Rates, TimeSpan StepDuration)
{
    public TimeSpan Duration => StepDuration * Rates.Count;

    /// <summary>When each member arrives, from the run's start, and in which step: arrival i of a step at rate r comes at i / r.</summary>
    public IEnumerable<Arrival> Arrivals()
    {
        for (var step = 0; step < Rates.Count; step++)
        {
            var rate = Rates[step];
            if (rate <= 0)
            {
                continue;
            }

            var start = StepDuration * step;
            for (long i = 0; ; i++)
            {
                var offset = TimeSpan.FromSeconds(i / rate);
                if (offset >= StepDuration)
                {
                    break;
                }

                yield return new Arrival(step, start + offset);
            }
        }
    }
}

/// <summary>A member's arrival: its step and when, from the run's start.</summary>
internal readonly record struct Arrival(int Step, TimeSpan At);
