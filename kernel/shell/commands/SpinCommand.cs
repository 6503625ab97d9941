// `spin MS [--interrupts-off] [--cpu N]`: starts a background thread ("spin",
// normal priority, detached) that burns the CPU for MS milliseconds on the
// clock without ever yielding, and returns at once. Only the tick's preemption
// lets other threads of its priority run on that CPU meanwhile, so an
// answering prompt shows preemption works. With --interrupts-off the thread
// also masks interrupts: its CPU takes no tick, cannot be preempted, and the
// soft-lockup watchdog reports it (kernel/watchdog). --cpu pins the thread.
// The idle thread frees the spinner's stack and slot after it ends.
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Time;
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell.Commands
{
    internal static unsafe class SpinCommand
    {
        // The argument packs the duration with the interrupts-off bit.
        private const ulong InterruptsOffBit = 1UL << 63;

        public static void Run(ParsedCommand command, TextSink output)
        {
            ulong milliseconds = command.ArgumentNumber(0);
            bool interruptsOff = command.Has(ShellCommands.SpinInterruptsOff);
            int cpu = Scheduler.AnyCpu;
            if (command.TryGetUnsigned(ShellCommands.SpinCpu, out ulong pinned))
            {
                if (pinned >= (ulong)Scheduler.OnlineCpus)
                {
                    output.Write("error: spin: --cpu expects an online CPU from 0 to "u8);
                    output.WriteDecimal((ulong)(Scheduler.OnlineCpus - 1));
                    output.Write(", got '"u8);
                    output.WriteDecimal(pinned);
                    output.WriteLine("'"u8);
                    return;
                }
                cpu = (int)pinned;
            }
            nint argument = (nint)(milliseconds | (interruptsOff ? InterruptsOffBit : 0));
            int id = Scheduler.Spawn("spin"u8, &Spin, argument, ThreadPriority.Normal, cpu: cpu);
            if (id < 0)
            {
                output.WriteLine(id == (int)SpawnFailure.TableFull
                    ? "error: spin: the thread table is full; wait for threads to end"u8
                    : "error: spin: no memory for a thread stack"u8);
                return;
            }
            Scheduler.Detach(id);
            output.Write("spin: thread "u8);
            output.WriteDecimal((ulong)id);
            output.Write(" spins for "u8);
            output.WriteDecimal(milliseconds);
            output.WriteLine(interruptsOff ? " ms with interrupts off"u8 : " ms without yielding"u8);
        }

        private static void Spin(nint argument)
        {
            ulong milliseconds = (ulong)argument & ~InterruptsOffBit;
            bool interruptsOff = ((ulong)argument & InterruptsOffBit) != 0;
            bool restore = interruptsOff && Cpu.DisableInterruptsSaving();
            ulong deadline = Clock.NowNanoseconds + milliseconds * 1_000_000;
            while (Clock.NowNanoseconds < deadline)
                Cpu.SpinWaitHint();
            if (restore)
                Cpu.EnableInterrupts();
        }
    }
}
