// The `result` record of a stress run (schema 1, agreed with the host tool's
// schema/result.schema.json): test, args (the line as typed), seed, arch,
// cpus, autonomy, duration_ms, verdict, reason, counters (the ones the run
// set, ops and failed first, the kind's own after the shared ones; chaos runs
// add events_<type> per event type), for chaos runs chaos_kinds (ChaosReport:
// per kind with a fault, its recoveries), histograms (the primary latency first) and
// autonomy_metrics (the run's controller counters, successes by type added
// as <counter>_succeeded) and, for ramp, leak and scale, the phases (StressPhases: per level, per
// cycle, per component and thread count).
using System;
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Records;
using KernelStress.Kernel.Runtime;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Stress.Autonomy;
using KernelStress.Kernel.Stress.Chaos;
using KernelStress.Kernel.Stress.Kinds;
using KernelStress.Kernel.Stress.Kinds.Chaos;
using KernelStress.Kernel.Stress.Phases;
using KernelStress.Metrics;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Records
{
    internal static class ResultRecord
    {
        public static void Emit(TokenList args)
        {
            StressOutput.Lock.Lock();
            JsonWriter json = StressOutput.BeginRecord("result"u8);
            json.WriteNumber("schema"u8, 1UL);
            json.WriteString("test"u8, StressKinds.Name(StressRun.Options.Kind));
            WriteArgs(ref json, args);
            json.WriteNumber("seed"u8, StressRun.Options.Seed);
            json.WriteString("arch"u8, Cpu.ArchName());
            json.WriteNumber("cpus"u8, (ulong)Scheduler.OnlineCpus);
            json.WriteBoolean("autonomy"u8, StressRun.Options.Autonomy);
            json.WriteNumber("duration_ms"u8, StressRun.DurationMs);
            json.WriteString("verdict"u8, StressRun.VerdictText(StressRun.Verdict));
            json.WriteString("reason"u8, StressRun.ReasonText);
            json.WriteStartObject("counters"u8);
            for (int i = 0; i < StressCounters.Count; i++)
            {
                if (StressRun.IsSet((StressCounter)i))
                    json.WriteNumber(StressCounters.Name((StressCounter)i), StressRun.Get((StressCounter)i));
            }
            WriteKindCounters(ref json);
            if (StressRun.IsSet(StressCounter.Events))
                WriteEventsByType(ref json);
            json.WriteEndObject();
            if (StressRun.IsSet(StressCounter.Events))
                ChaosReport.Write(ref json);
            json.WriteStartObject("histograms"u8);
            for (int i = 0; i < StressRun.HistogramCount; i++)
            {
                StressRun.Histogram(i).Snapshot(StressRun.Snapshot);
                HistogramJson.Write(ref json, StressHistograms.Name(StressRun.HistogramName(i)), StressRun.Snapshot);
            }
            json.WriteEndObject();
            StressPhases.Write(ref json, StressRun.Snapshot);
            WriteAutonomyMetrics(ref json);
            StressOutput.EndRecord(ref json);
            StressOutput.Lock.Unlock();
        }

        // The kind's own counters that the run set, after the shared ones.
        private static void WriteKindCounters(ref JsonWriter json)
        {
            ReadOnlySpan<byte> names = StressKinds.Of(StressRun.Options.Kind).CounterNames.Span;
            for (int i = 0; NameTable.Next(ref names, out ReadOnlySpan<byte> name); i++)
            {
                var counter = new KindCounter(i);
                if (StressRun.IsSet(counter))
                    json.WriteNumber(name, StressRun.Get(counter));
            }
        }

        // "events_<type>": how many chaos events of each type ran.
        private static void WriteEventsByType(ref JsonWriter json)
        {
            Span<byte> name = stackalloc byte[48];
            for (int e = 0; e < ChaosEvents.Count; e++)
            {
                ReadOnlySpan<byte> type = ChaosEvents.Name((ChaosEvent)e);
                "events_"u8.CopyTo(name);
                type.CopyTo(name.Slice(7));
                json.WriteNumber(name.Slice(0, 7 + type.Length), ChaosEngine.ByType((ChaosEvent)e));
            }
        }

        // The words as typed, joined by one space (quotes were removed by the tokenizer).
        public static void WriteArgs(ref JsonWriter json, TokenList args)
        {
            Span<byte> line = stackalloc byte[ShellLimits.MaxLineLength];
            int length = 0;
            for (int i = 0; i < args.Count; i++)
            {
                ReadOnlySpan<byte> word = args[i];
                if (i > 0 && length < line.Length)
                    line[length++] = (byte)' ';
                int take = Math.Min(word.Length, line.Length - length);
                word.Slice(0, take).CopyTo(line.Slice(length));
                length += take;
            }
            json.WriteString("args"u8, line.Slice(0, length));
        }

        private static void WriteAutonomyMetrics(ref JsonWriter json)
        {
            json.WriteStartObject("autonomy_metrics"u8);
            for (int i = 0; i < AutonomyMetrics.CounterCount; i++)
                json.WriteNumber(AutonomyMetrics.CounterName(i), AutonomyController.Run.Value(i));
            Span<byte> name = stackalloc byte[48];
            for (int i = 0; i < AutonomyMetrics.TotalInterventions; i++)
            {
                ReadOnlySpan<byte> counter = AutonomyMetrics.CounterName(i);
                if (!IsIntervention((AutonomyAction)i))
                    continue;
                counter.CopyTo(name);
                "_succeeded"u8.CopyTo(name.Slice(counter.Length));
                json.WriteNumber(name.Slice(0, counter.Length + 10), AutonomyController.Succeeded((AutonomyAction)i));
            }
            json.WriteEndObject();
        }

        // The actions that are interventions (counted with an outcome), as opposed to bookkeeping.
        public static bool IsIntervention(AutonomyAction action) =>
            action == AutonomyAction.ProactiveCompaction || action == AutonomyAction.OomPrevention
            || action == AutonomyAction.DeadlineAdjustment || action == AutonomyAction.PriorityBoost
            || action == AutonomyAction.Rebalance;
    }
}
