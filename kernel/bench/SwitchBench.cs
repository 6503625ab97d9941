// Thread context-switch time: two threads of the same priority yield to each
// other; with nothing else ready, each Yield is one switch away and one back,
// so half of a Yield's duration is one switch (scheduler path included).
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
            int measurer = Scheduler.Spawn("bench-a"u8, &Measure, 0, ThreadPriority.Normal);
            int partner = Scheduler.Spawn("bench-b"u8, &Partner, 0, ThreadPriority.Normal);
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
