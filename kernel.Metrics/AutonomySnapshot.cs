// A copy of AutonomyMetrics at one moment, for a `result` record or a human
// summary. Enumerate generically with
//   for (int i = 0; i < AutonomyMetrics.CounterCount; i++)
//       emit(AutonomyMetrics.CounterName(i), snapshot.Value(i));
// Allocate once (it holds a 29.5 KiB HistogramSnapshot) and refill with
// AutonomyMetrics.Snapshot: taking a snapshot allocates nothing.
using System;

namespace KernelStress.Metrics;

public sealed class AutonomySnapshot
{
    private readonly ulong[] _values = new ulong[AutonomyMetrics.CounterCount];

    public HistogramSnapshot InterventionLatency { get; } = new HistogramSnapshot();

    public ulong Value(int counter) => _values[counter];

    public ulong Action(AutonomyAction action) => _values[(int)action];

    public ulong TotalInterventions => _values[AutonomyMetrics.TotalInterventions];

    public ulong SuccessfulInterventions => _values[AutonomyMetrics.SuccessfulInterventions];

    internal Span<ulong> Values => new Span<ulong>(_values);
}
