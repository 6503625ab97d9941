using System.Collections.Generic;
using System.Linq;

namespace KernelStress.Tool.Sessions;

/// <summary>The boot-to-prompt line of <c>run --repeat</c>.</summary>
public static class BootStatistics
{
    /// <summary>Median, min and max over the sessions that reached the prompt.</summary>
    public static string Line(IReadOnlyList<long> bootTimes, int sessions)
    {
        if (bootTimes.Count == 0)
        {
            return $"kstress: boot to prompt: no session of {sessions} reached the prompt";
        }
        long[] sorted = bootTimes.OrderBy(t => t).ToArray();
        double median = sorted.Length % 2 == 1
            ? sorted[sorted.Length / 2]
            : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2.0;
        return $"kstress: boot to prompt over {sorted.Length} of {sessions} sessions: median {median:0.#} ms, min {sorted[0]} ms, max {sorted[^1]} ms";
    }
}
