// Timer-interrupt latency: how long after a timer interrupt is due its handler
// runs. A thread pinned to one CPU, with interrupts off, asks the timer when
// this CPU's next tick is due (TickSource.NextTickDue: the timer's remaining
// count read back to back with the cycle counter), arms the tick handler to
// note the cycle counter on entry (Ticks.ArmProbe), then halts until the tick
// comes. The latency is entry minus due: interrupt delivery, the entry stub
// (register and SSE save) and the dispatch into Ticks.OnTick. Under QEMU's TCG
// this is mostly the emulator's timer and halt-wakeup path, and says so only
// for the machine it was measured on.
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Time;

namespace KernelStress.Kernel.Bench
{
    internal static class TimerBench
    {
        public const int Samples = 500;

        // Returns false when the measuring thread could not be started.
        public static unsafe bool Run()
        {
            BenchHistograms.Timer.Reset();
            int id = Scheduler.Spawn("bench-timer"u8, &Measure, 0, ThreadPriority.High, cpu: Scheduler.CurrentCpu);
            return id >= 0 && Scheduler.Join(id);
        }

        private static void Measure(nint unused)
        {
            for (int i = 0; i < Samples; i++)
            {
                Cpu.DisableInterrupts();
                ulong due = Ticks.ArmProbe();
                ulong latency;
                // Another interrupt (an IPI, the UART) may end the halt first.
                do
                    Cpu.WaitForInterrupt();
                while (!Ticks.TakeProbe(due, out latency));
                Cpu.EnableInterrupts();
                BenchHistograms.Timer.Record(Clock.CounterToNanoseconds(latency));
            }
        }
    }
}
