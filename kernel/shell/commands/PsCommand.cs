// `ps`: one line per kernel thread (id, name, state, priority, CPU, CPU time in
// ms, times switched in) and a `ps` record with the same figures plus each
// thread's migrations between CPUs and the CPU it is pinned to (or null). Each slot is
// copied under the scheduler lock and printed after (no output with it held).
// Also printed by Ctrl-T from interrupt context (StatusKey): after the first
// command of a session it allocates nothing (`mem` around `ps` shows managed
// allocations unchanged); a Ctrl-T before any command may build the statics the
// first command builds, through the managed heap's lock-free bump allocator.
using System;
using KernelStress.Kernel.Console;
using KernelStress.Kernel.Runtime;
using KernelStress.Kernel.Scheduling;
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell.Commands
{
    internal static class PsCommand
    {
        public static void Run(TextSink output)
        {
            Span<byte> name = stackalloc byte[KernelThread.MaxNameLength];
            output.WriteLine("  ID NAME             STATE    PRIO   CPU   RUNTIME_MS   SWITCHES"u8);
            for (int slot = 0; slot < Scheduler.MaxThreads; slot++)
            {
                if (!Scheduler.Snapshot(slot, out KernelThread thread))
                    continue;
                int length = thread.CopyName(name);
                TableColumns.Number(output, (ulong)thread.Id, 4);
                output.Write(" "u8);
                TableColumns.Padded(output, name.Slice(0, length), 17);
                TableColumns.Padded(output, StateName(thread.State), 9);
                TableColumns.Padded(output, PriorityName(thread.Priority), 7);
                TableColumns.Number(output, (ulong)thread.Cpu, 3);
                TableColumns.Number(output, thread.RunNanoseconds / 1_000_000, 13);
                TableColumns.Number(output, thread.Switches, 11);
                output.WriteLine();
            }

            JsonWriter json = KernelConsole.BeginRecord("ps"u8);
            json.WriteStartArray("threads"u8);
            for (int slot = 0; slot < Scheduler.MaxThreads; slot++)
            {
                if (!Scheduler.Snapshot(slot, out KernelThread thread))
                    continue;
                int length = thread.CopyName(name);
                json.WriteStartObject();
                json.WriteNumber("id"u8, (ulong)thread.Id);
                json.WriteString("name"u8, name.Slice(0, length));
                json.WriteString("state"u8, StateName(thread.State));
                json.WriteString("priority"u8, PriorityName(thread.Priority));
                json.WriteNumber("cpu"u8, (ulong)thread.Cpu);
                json.WriteNumber("runtime_ms"u8, thread.RunNanoseconds / 1_000_000);
                json.WriteNumber("switches"u8, thread.Switches);
                json.WriteNumber("migrations"u8, thread.Migrations);
                json.WritePropertyName("pinned_cpu"u8);
                if (thread.Affinity == Scheduler.AnyCpu)
                    json.WriteNullValue();
                else
                    json.WriteNumberValue((ulong)thread.Affinity);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            KernelConsole.EndRecord(ref json);
        }

        private static readonly NameTable s_stateNames = new NameTable("free|ready|running|sleeping|blocked|dead"u8, (int)ThreadState.Count);

        private static ReadOnlySpan<byte> StateName(ThreadState state) => s_stateNames[(int)state];

        private static readonly NameTable s_priorityNames = new NameTable("idle|low|normal|high"u8, (int)ThreadPriority.Count);

        private static ReadOnlySpan<byte> PriorityName(ThreadPriority priority) => s_priorityNames[(int)priority];
    }
}
