// Thread context-switch time: two threads of the same priority yield to each
// other; with nothing else ready, each Yield is one switch away and one back,
// so half of a Yield's duration is one switch (scheduler path included).
// Both are pinned to the CPU the benchmark was started on: on two CPUs they
// would run side by side and a Yield would switch nothing.
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Time;

namespace KernelStress.Kernel.Bench
{
    internal static unsafe class SwitchBench
    {
        public const int RoundTrips = 2000;

        // Returns false when the two threads could not be started.
        public static bool Run()
        {
            BenchHistograms.Switch.Reset();
            int cpu = Scheduler.CurrentCpu;
            int measurer = Scheduler.Spawn("bench-a"u8, &Measure, 0, ThreadPriority.Normal, cpu: cpu);
            int partner = Scheduler.Spawn("bench-b"u8, &Partner, 0, ThreadPriority.Normal, cpu: cpu);
            bool started = measurer >= 0 && partner >= 0;
            if (measurer >= 0)
                Scheduler.Join(measurer);
            if (partner >= 0)
                Scheduler.Join(partner);
            return started;
        }

        private static void Measure(nint unused)
        {
            for (int i = 0; i < RoundTrips; i++)
            {
                ulong start = Arch.Cpu.ReadCycleCounter();
                Scheduler.Yield();
                ulong roundTrip = Clock.CounterToNanoseconds(Arch.Cpu.ReadCycleCounter() - start);
                BenchHistograms.Switch.Record(roundTrip / 2);
            }
        }

        // Yields until the measurer has finished (one extra round trip is harmless).
        private static void Partner(nint unused)
        {
            for (int i = 0; i <= RoundTrips; i++)
                Scheduler.Yield();
        }
    }
}
