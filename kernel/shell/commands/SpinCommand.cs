// `spin MS`: starts a background thread ("spin", normal priority, detached)
// that burns the CPU for MS milliseconds on the clock without ever yielding,
// and returns at once. Only the tick's preemption lets the shell (same
// priority) run meanwhile, so an answering prompt shows preemption works.
// The idle thread frees the spinner's stack and slot after it ends.
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Time;
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell.Commands
{
    internal static unsafe class SpinCommand
    {
        public static void Run(ulong milliseconds, TextSink output)
        {
            int id = Scheduler.Spawn("spin"u8, &Spin, (nint)milliseconds, ThreadPriority.Normal);
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
            output.WriteLine(" ms without yielding"u8);
        }

        private static void Spin(nint milliseconds)
        {
            ulong deadline = Clock.NowNanoseconds + (ulong)milliseconds * 1_000_000;
            while (Clock.NowNanoseconds < deadline)
                Cpu.SpinWaitHint();
        }
    }
}
