// `sleep MS`: waits on the kernel's clock, the shell thread sleeping a tick at a
// time (other threads run meanwhile),
// and says how long it actually waited (the overshoot is at most about a tick).
// Ctrl-C ends it early.
using KernelStress.Kernel.Console;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Time;
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell.Commands
{
    internal static class SleepCommand
    {
        public static void Run(ulong milliseconds, TextSink output)
        {
            ulong start = Clock.NowNanoseconds;
            ulong deadline = start + milliseconds * 1_000_000;
            while (Clock.NowNanoseconds < deadline && !UartInput.CancelRequested)
                Scheduler.Sleep(1);
            ulong slept = Clock.NowNanoseconds - start;
            output.Write(UartInput.CancelRequested ? "cancelled after "u8 : "slept "u8);
            output.WriteDecimal(slept / 1_000);
            output.WriteLine(" us"u8);
        }
    }
}
