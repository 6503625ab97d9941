// `trace on [--events KIND,...] | off | dump | status`: starts the kernel trace
// (emptying the rings; every kind unless --events names some), stops it,
// writes the rings out as `trace` records (TraceDump), or tells its state.
using System;
using KernelStress.Shell;

namespace KernelStress.Kernel.Tracing
{
    internal static class TraceCommand
    {
        public static void Run(ParsedCommand command, TextSink output)
        {
            switch ((ShellCommandId)command.CommandId)
            {
                case ShellCommandId.TraceOn:
                    On(command, output);
                    break;
                case ShellCommandId.TraceOff:
                    KernelTrace.Stop();
                    output.Write("trace: off;"u8);
                    Counts(output, false);
                    break;
                case ShellCommandId.TraceDump:
                    ulong records = TraceDump.Write();
                    output.Write("trace: dumped in "u8);
                    output.WriteDecimal(records);
                    output.Write(" records;"u8);
                    Counts(output, true);
                    break;
                default:
                    output.Write(KernelTrace.Mask != 0 ? "trace: on ("u8 : "trace: off ("u8);
                    Kinds(output, KernelTrace.Mask);
                    output.Write(");"u8);
                    Counts(output, false);
                    break;
            }
        }

        private static void On(ParsedCommand command, TextSink output)
        {
            ReadOnlySpan<ulong> kinds = command.GetList(ShellCommands.TraceEvents);
            uint mask = kinds.IsEmpty ? TraceKinds.All : 0;
            for (int i = 0; i < kinds.Length; i++)
                mask |= 1u << (int)kinds[i];
            if (!KernelTrace.Start(mask))
            {
                output.WriteLine("trace: error: no memory for the trace rings (512 KiB per CPU); free some and try again"u8);
                return;
            }
            output.Write("trace: on ("u8);
            Kinds(output, mask);
            output.Write("), "u8);
            output.WriteDecimal((ulong)TraceRings.Capacity);
            output.WriteLine(" entries per CPU"u8);
        }

        private static void Kinds(TextSink output, uint mask)
        {
            bool first = true;
            for (int kind = 0; kind < TraceKinds.Count; kind++)
            {
                if ((mask & (1u << kind)) == 0)
                    continue;
                if (!first)
                    output.Write(","u8);
                output.Write(TraceKinds.Name((TraceKind)kind));
                first = false;
            }
        }

        // " CPU n: appended a, lost l" for each CPU with a ring: as the last dump found them, or now.
        private static void Counts(TextSink output, bool ofDump)
        {
            for (int cpu = 0; cpu < Scheduling.Scheduler.OnlineCpus; cpu++)
            {
                if (!TraceRings.Has(cpu))
                    continue;
                output.Write(" CPU "u8);
                output.WriteDecimal((ulong)cpu);
                output.Write(": appended "u8);
                output.WriteDecimal(ofDump ? TraceDump.Appended(cpu) : TraceRings.Appended(cpu));
                output.Write(", lost "u8);
                output.WriteDecimal(ofDump ? TraceDump.Lost(cpu) : TraceRings.Overwritten(cpu));
                output.Write(";"u8);
            }
            output.WriteLine();
        }
    }
}
