// `trace dump`: every CPU's ring as `trace` records (docs/uart-contract.md):
// "part":"events" records, one CPU each, holding up to ChunkBytes of event
// arrays in ring order; "part":"threads" records naming the threads the
// switches name by id (TraceNames); last one "part":"end" record with what was
// appended, dumped and lost per CPU.
// Tracing may stay on while this runs: an entry overwritten under the reader
// is dropped and counted as lost.
using System;
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Console;
using KernelStress.Kernel.Stress.Autonomy;
using KernelStress.Kernel.Stress.Chaos;
using KernelStress.Kernel.Time;
using KernelStress.Metrics;
using KernelStress.Shell;

namespace KernelStress.Kernel.Tracing
{
    internal static unsafe class TraceDump
    {
        // An events record closes past this much JSON: well inside the console's
        // 16 KiB record capacity even with the longest event array after it.
        private const int ChunkBytes = 12 * 1024;

        // Per CPU, for the last dump: the tickets it found appended, the entries it wrote and those it dropped.
        private static readonly ulong[] s_appended = new ulong[Processors.MaxCpus];
        private static readonly ulong[] s_dumped = new ulong[Processors.MaxCpus];
        private static readonly ulong[] s_dropped = new ulong[Processors.MaxCpus];

        // Writes the records; returns how many events records went out.
        public static ulong Write()
        {
            int cpus = Scheduler.OnlineCpus;
            ulong records = 0;
            for (int cpu = 0; cpu < cpus; cpu++)
            {
                s_appended[cpu] = 0;
                s_dumped[cpu] = 0;
                s_dropped[cpu] = 0;
                if (!TraceRings.Has(cpu))
                    continue;
                ulong end = TraceRings.Appended(cpu);
                s_appended[cpu] = end;
                ulong ticket = end > TraceRings.Capacity ? end - TraceRings.Capacity : 0;
                while (ticket < end)
                {
                    JsonWriter json = KernelConsole.BeginRecord("trace"u8);
                    json.WriteString("part"u8, "events"u8);
                    json.WriteNumber("cpu"u8, (ulong)cpu);
                    json.WriteStartArray("events"u8);
                    for (; ticket < end && json.Length < ChunkBytes; ticket++)
                    {
                        if (TraceRings.Read(cpu, ticket, out TraceEntry entry))
                        {
                            Event(ref json, in entry);
                            s_dumped[cpu]++;
                        }
                        else
                        {
                            s_dropped[cpu]++;
                        }
                    }
                    json.WriteEndArray();
                    KernelConsole.EndRecord(ref json);
                    records++;
                }
            }
            Threads();
            End(cpus);
            return records;
        }

        public static ulong Appended(int cpu) => s_appended[cpu];

        // Overwritten before the dump reached them, or while it read them.
        public static ulong Lost(int cpu) => (s_appended[cpu] > TraceRings.Capacity ? s_appended[cpu] - TraceRings.Capacity : 0) + s_dropped[cpu];

        private static void End(int cpus)
        {
            JsonWriter json = KernelConsole.BeginRecord("trace"u8);
            json.WriteString("part"u8, "end"u8);
            json.WriteString("arch"u8, Cpu.ArchName());
            json.WriteNumber("capacity"u8, (ulong)TraceRings.Capacity);
            json.WriteBoolean("on"u8, KernelTrace.Mask != 0);
            json.WriteStartArray("appended"u8);
            for (int cpu = 0; cpu < cpus; cpu++)
                json.WriteNumberValue(s_appended[cpu]);
            json.WriteEndArray();
            json.WriteStartArray("dumped"u8);
            for (int cpu = 0; cpu < cpus; cpu++)
                json.WriteNumberValue(s_dumped[cpu]);
            json.WriteEndArray();
            json.WriteStartArray("lost"u8);
            for (int cpu = 0; cpu < cpus; cpu++)
                json.WriteNumberValue(Lost(cpu));
            json.WriteEndArray();
            KernelConsole.EndRecord(ref json);
        }

        // The names of the threads the trace saw, in "part":"threads" records.
        private static void Threads()
        {
            int slot = 0;
            while (slot < TraceNames.Slots)
            {
                JsonWriter json = KernelConsole.BeginRecord("trace"u8);
                json.WriteString("part"u8, "threads"u8);
                json.WriteStartArray("threads"u8);
                for (; slot < TraceNames.Slots && json.Length < ChunkBytes; slot++)
                {
                    int id = TraceNames.IdAt(slot);
                    if (id < 0)
                        continue;
                    json.WriteStartArray();
                    json.WriteNumberValue((ulong)id);
                    Name(ref json, TraceNames.NameWord(slot, 0), TraceNames.NameWord(slot, 1));
                    json.WriteEndArray();
                }
                json.WriteEndArray();
                KernelConsole.EndRecord(ref json);
            }
        }

        // One event: [ns, kind, fields...] (the kinds' fields: docs/uart-contract.md).
        private static void Event(ref JsonWriter json, in TraceEntry entry)
        {
            json.WriteStartArray();
            json.WriteNumberValue(entry.Kind == TraceKind.Switch ? entry.Time : Clock.CounterToNanoseconds(entry.Time));
            switch (entry.Kind)
            {
                case TraceKind.Switch:
                    json.WriteStringValue("switch"u8);
                    json.WriteNumberValue((ulong)(entry.A & 0xFFFF));
                    json.WriteNumberValue((ulong)(entry.A >> 16));
                    json.WriteStringValue(Shell.Commands.PsCommand.StateName((ThreadState)entry.B));
                    break;
                case TraceKind.Interrupt:
                    json.WriteStringValue(entry.B != 0 ? "irq_enter"u8 : "irq_exit"u8);
                    json.WriteNumberValue((ulong)entry.A);
                    break;
                case TraceKind.Fault:
                    json.WriteStringValue("fault"u8);
                    json.WriteNumberValue((ulong)entry.A);
                    json.WriteNumberValue(entry.B);
                    break;
                case TraceKind.Chaos:
                    json.WriteStringValue("chaos"u8);
                    json.WriteStringValue(ChaosEvents.Name((ChaosEvent)entry.A));
                    json.WriteNumberValue(entry.B);
                    json.WriteBooleanValue((entry.C & 1) != 0);
                    json.WriteBooleanValue((entry.C & 2) != 0);
                    json.WriteNumberValue(entry.D);
                    break;
                case TraceKind.Autonomy when entry.A >= KernelTrace.LearnerActionBase:
                    json.WriteStringValue("decision"u8);
                    json.WriteStringValue(MemoryActionName(entry.A - KernelTrace.LearnerActionBase));
                    json.WriteNumberValue(entry.B - 1);
                    json.WriteBooleanValue(entry.C != 0);
                    ulong rewardBits = entry.E;
                    json.WriteFixedValue(*(double*)&rewardBits, 2);
                    break;
                case TraceKind.Autonomy:
                    json.WriteStringValue("intervention"u8);
                    json.WriteStringValue(AutonomyMetrics.CounterName((int)entry.A));
                    json.WriteBooleanValue(entry.C != 0);
                    json.WriteNumberValue(entry.D);
                    break;
                case TraceKind.Oom:
                    json.WriteStringValue("oom"u8);
                    json.WriteNumberValue(entry.B);
                    json.WriteNumberValue(entry.C);
                    break;
                case TraceKind.HeapLock:
                    json.WriteStringValue("heaplock"u8);
                    json.WriteNumberValue(Clock.CounterToNanoseconds(entry.B));
                    break;
                case TraceKind.Stall:
                    json.WriteStringValue("stall"u8);
                    json.WriteNumberValue((ulong)entry.A);
                    json.WriteNumberValue(entry.B);
                    break;
                default:
                    json.WriteStringValue("heap"u8);
                    json.WriteNumberValue(entry.B);
                    json.WriteNumberValue(entry.C);
                    break;
            }
            json.WriteEndArray();
        }

        // A thread name kept as two little-endian words, zero-padded.
        private static void Name(ref JsonWriter json, ulong first, ulong second)
        {
            ulong* words = stackalloc ulong[2];
            words[0] = first;
            words[1] = second;
            ReadOnlySpan<byte> bytes = new ReadOnlySpan<byte>(words, KernelThread.MaxNameLength);
            int length = 0;
            while (length < bytes.Length && bytes[length] != 0)
                length++;
            json.WriteStringValue(bytes.Slice(0, length));
        }

        private static ReadOnlySpan<byte> MemoryActionName(uint action) => (MemoryAction)action switch
        {
            MemoryAction.ReleaseCache => "release_cache"u8,
            MemoryAction.Throttle => "throttle"u8,
            MemoryAction.Unthrottle => "unthrottle"u8,
            _ => "none"u8,
        };
    }
}
