// `irqstorm MS [--target N]`: an interrupt storm at CPU N (kernel/stress/
// irqstorm/InterruptStorm.cs), then one line and a `result` record: IPIs sent
// and taken, the target's ticks against the ticks the time should have had.
// PASS when the target took IPIs and its timer kept at least half its ticks,
// PARTIAL when the storm starved the timer below that, FAIL when no sender
// could start or the target took nothing.
using System;
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Console;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Stress.IrqStorm;
using KernelStress.Kernel.Time;
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell.Commands
{
    internal static class IrqStormCommand
    {
        public static void Run(ParsedCommand command, TextSink output)
        {
            ulong milliseconds = command.ArgumentNumber(0);
            ulong target = command.GetUnsigned(ShellCommands.IrqStormTarget, 0);
            if (target >= (ulong)Scheduler.OnlineCpus)
            {
                output.Write("error: irqstorm: --target expects an online CPU from 0 to "u8);
                output.WriteDecimal((ulong)(Scheduler.OnlineCpus - 1));
                output.Write(", got '"u8);
                output.WriteDecimal(target);
                output.WriteLine("'"u8);
                return;
            }
            bool started = InterruptStorm.Run((int)target, milliseconds, out InterruptStorm.Outcome outcome);
            ulong elapsedMs = outcome.ElapsedNanoseconds / 1_000_000;
            ulong expectedTicks = outcome.ElapsedNanoseconds * Ticks.Hz / 1_000_000_000;
            bool tookAny = outcome.Received > 0;
            bool ticked = outcome.TargetTicks * 2 >= expectedTicks;
            ReadOnlySpan<byte> verdict = started && tookAny ? (ticked ? "PASS"u8 : "PARTIAL"u8) : "FAIL"u8;
            ReadOnlySpan<byte> reason = !started ? "no sender thread could be started"u8
                : !tookAny ? "the target took no interrupt"u8
                : !ticked ? "the storm starved the target's timer below half its ticks"u8
                : "the target took the storm and kept ticking"u8;

            output.Write("irqstorm: "u8);
            output.WriteDecimal((ulong)outcome.Senders);
            output.Write(" sender(s) sent "u8);
            output.WriteDecimal(outcome.Sent);
            output.Write(" IPIs to CPU "u8);
            output.WriteDecimal(target);
            output.Write(" in "u8);
            output.WriteDecimal(elapsedMs);
            output.Write(" ms; it took "u8);
            output.WriteDecimal(outcome.Received);
            output.Write(" (the rest merged while pending) and "u8);
            output.WriteDecimal(outcome.TargetTicks);
            output.Write(" of "u8);
            output.WriteDecimal(expectedTicks);
            output.WriteLine(" ticks"u8);
            output.Write("Status: "u8);
            output.WriteLine(verdict);

            JsonWriter json = KernelConsole.BeginRecord("result"u8);
            json.WriteString("test"u8, "irqstorm"u8);
            json.WriteString("arch"u8, Cpu.ArchName());
            json.WriteNumber("cpus"u8, (ulong)Scheduler.OnlineCpus);
            json.WriteNumber("duration_ms"u8, elapsedMs);
            json.WriteString("verdict"u8, verdict);
            json.WriteString("reason"u8, reason);
            json.WriteStartObject("counters"u8);
            json.WriteNumber("ops"u8, outcome.Sent);
            json.WriteNumber("failed"u8, 0UL);
            json.WriteNumber("target_cpu"u8, target);
            json.WriteNumber("senders"u8, (ulong)outcome.Senders);
            json.WriteNumber("ipis_sent"u8, outcome.Sent);
            json.WriteNumber("ipis_received"u8, outcome.Received);
            json.WriteNumber("target_ticks"u8, outcome.TargetTicks);
            json.WriteNumber("expected_ticks"u8, expectedTicks);
            json.WriteEndObject();
            KernelConsole.EndRecord(ref json);
        }
    }
}
