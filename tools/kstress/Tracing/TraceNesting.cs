using System;
using System.Collections.Generic;
using System.Linq;

namespace KernelStress.Tool.Tracing;

/// <summary>
/// Perfetto's rule for X spans on one track: two spans are either disjoint or one lies wholly inside
/// the other. Violations lists each span that starts inside another and ends after it.
/// </summary>
public static class TraceNesting
{
    // Timestamps are microseconds as doubles: a nanosecond apart is apart, less is rounding.
    private const double Tolerance = 0.0005;

    public static List<string> Violations(IEnumerable<TraceEvent> events)
    {
        var found = new List<string>();
        foreach (IGrouping<(int, int), TraceEvent> track in events.Where(e => e.Ph == "X").GroupBy(e => (e.Pid, e.Tid)))
        {
            var open = new Stack<TraceEvent>();
            foreach (TraceEvent span in track.OrderBy(e => e.Ts).ThenByDescending(e => e.Dur))
            {
                while (open.Count > 0 && End(open.Peek()) <= span.Ts + Tolerance)
                {
                    open.Pop();
                }
                if (open.Count > 0 && End(span) > End(open.Peek()) + Tolerance)
                {
                    TraceEvent outer = open.Peek();
                    found.Add($"track {track.Key.Item2}: '{span.Name}' [{span.Ts}, {End(span)}] us crosses the end of '{outer.Name}' [{outer.Ts}, {End(outer)}] us");
                }
                open.Push(span);
            }
        }
        return found;
    }

    private static double End(TraceEvent span) => span.Ts + (span.Dur ?? 0);
}
