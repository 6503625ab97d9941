// `ps`: one line per kernel thread (id, name, state, priority, CPU, CPU time in
// ms, times switched in) and a `ps` record with the same figures. Each slot is
// copied under the scheduler lock and printed after (no output with it held).
using System;
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
                Column(output, (ulong)thread.Id, 4);
                output.Write(" "u8);
                Padded(output, name.Slice(0, length), 17);
                Padded(output, StateName(thread.State), 9);
                Padded(output, PriorityName(thread.Priority), 7);
                Column(output, (ulong)thread.Cpu, 3);
                Column(output, thread.RunNanoseconds / 1_000_000, 13);
                Column(output, thread.Switches, 11);
                output.WriteLine();
            }

            JsonWriter json = KernelConsole.Records.Begin("ps"u8);
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
                json.WriteEndObject();
            }
            json.WriteEndArray();
            KernelConsole.Records.End(ref json);
        }

        private static ReadOnlySpan<byte> StateName(ThreadState state) => state switch
        {
            ThreadState.Ready => "ready"u8,
            ThreadState.Running => "running"u8,
            ThreadState.Sleeping => "sleeping"u8,
            ThreadState.Blocked => "blocked"u8,
            ThreadState.Dead => "dead"u8,
            _ => "free"u8,
        };

        private static ReadOnlySpan<byte> PriorityName(ThreadPriority priority) => priority switch
        {
            ThreadPriority.Low => "low"u8,
            ThreadPriority.Normal => "normal"u8,
            ThreadPriority.High => "high"u8,
            _ => "idle"u8,
        };

        // `text` then spaces up to `width`.
        private static void Padded(TextSink output, ReadOnlySpan<byte> text, int width)
        {
            output.Write(text);
            for (int i = text.Length; i < width; i++)
                output.Write(" "u8);
        }

        // A right-aligned decimal in `width` characters.
        private static void Column(TextSink output, ulong value, int width)
        {
            int digits = 1;
            for (ulong rest = value / 10; rest != 0; rest /= 10)
                digits++;
            for (int i = digits; i < width; i++)
                output.Write(" "u8);
            output.WriteDecimal(value);
        }
    }
}
