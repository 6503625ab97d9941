// What the autonomy controller did, counted as it happens: one atomic
// counter per AutonomyAction, the intervention totals and an intervention
// latency histogram (the stress-test report's AUTONOMY_METRICS, without its races).
//
// Counters, by index (CounterName gives the snake_case record name):
//   0..8  one per AutonomyAction
//   9     total_interventions       } counted only by RecordIntervention,
//   10    successful_interventions  } together with its latency
// Invariants: successful_interventions <= total_interventions in every
// snapshot (total is incremented first and read last); the latency
// histogram holds one value per intervention.
// Recording is wait-free (one atomic add per counter; LatencyHistogram.Record)
// and allowed from any CPU, with preemption enabled or in interrupt context.
// Snapshot and Reset follow LatencyHistogram's rules (not from interrupts).
using System;
using System.Threading;

namespace KernelStress.Metrics;

public sealed class AutonomyMetrics
{
    public const int CounterCount = 11;
    public const int TotalInterventions = 9;
    public const int SuccessfulInterventions = 10;

    private readonly ulong[] _counters = new ulong[CounterCount];

    /// <param name="shards">Shard count of the latency histogram (see LatencyHistogram).</param>
    public AutonomyMetrics(int shards)
    {
        InterventionLatency = new LatencyHistogram(shards);
    }

    public LatencyHistogram InterventionLatency { get; }

    /// <summary>snake_case name of counter <paramref name="counter"/>, as written in records; empty if out of range.</summary>
    public static ReadOnlySpan<byte> CounterName(int counter) => counter switch
    {
        0 => "proactive_compactions"u8,
        1 => "oom_preventions"u8,
        2 => "pressure_predictions"u8,
        3 => "deadline_adjustments"u8,
        4 => "priority_boosts"u8,
        5 => "rebalances"u8,
        6 => "policy_updates"u8,
        7 => "exploration_actions"u8,
        8 => "exploitation_actions"u8,
        9 => "total_interventions"u8,
        10 => "successful_interventions"u8,
        _ => default,
    };

    public void RecordAction(AutonomyAction action) => Interlocked.Increment(ref _counters[(int)action]);

    /// <summary>One intervention, how long it took and whether it achieved its goal.</summary>
    public void RecordIntervention(ulong latencyNanoseconds, bool succeeded)
    {
        InterventionLatency.Record(latencyNanoseconds);
        Interlocked.Increment(ref _counters[TotalInterventions]);
        if (succeeded)
        {
            Interlocked.Increment(ref _counters[SuccessfulInterventions]);
        }
    }

    /// <summary>Live value of counter <paramref name="counter"/> (0 to CounterCount - 1).</summary>
    public ulong Value(int counter) => Volatile.Read(ref _counters[counter]);

    /// <summary>Copies every counter and the latency histogram into <paramref name="target"/>.</summary>
    public void Snapshot(AutonomySnapshot target)
    {
        Span<ulong> values = target.Values;
        for (int i = 0; i < TotalInterventions; i++)
        {
            values[i] = Volatile.Read(ref _counters[i]);
        }
        values[SuccessfulInterventions] = Volatile.Read(ref _counters[SuccessfulInterventions]);
        values[TotalInterventions] = Volatile.Read(ref _counters[TotalInterventions]);
        InterventionLatency.Snapshot(target.InterventionLatency);
    }

    public void Reset()
    {
        for (int i = 0; i < CounterCount; i++)
        {
            Volatile.Write(ref _counters[i], 0);
        }
        InterventionLatency.Reset();
    }
}
