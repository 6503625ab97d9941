// Bringing up every CPU but the boot CPU, arch-neutrally: the arch twin lists
// the CPUs (Processors.Discover) and starts one (Processors.Start); this file
// gives each an idle thread and stack first (Scheduler.PrepareSecondary) and
// waits for it to check in (Scheduler.EnterSecondary marks it online) before
// starting the next, so CPU indices stay dense: CPUs 0..OnlineCpus-1 are
// online. A CPU that does not check in within StartTimeout ends the bring-up
// (said on the console; its stack stays reserved, as it might still start).
// At most Processors.MaxCpus CPUs are used; more are reported, not started.
// The boot CPU is index 0, the others keep the firmware's order; this table of
// hardware ids is the one every CPU-to-CPU signal goes through (Signal).
using System;
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Time;
using KernelStress.Shell;

namespace KernelStress.Kernel.Smp
{
    internal static class SecondaryCpus
    {
        private const ulong StartTimeoutNanoseconds = 500_000_000;

        private static readonly ulong[] s_hardwareIds = new ulong[Processors.MaxCpus];
        private static int s_described;

        // How many CPUs the firmware described (online ones plus any not started).
        public static int Described => s_described;

        public static ulong HardwareId(int index) => s_hardwareIds[index];

        // Interrupts CPU `index` (any online CPU, the boot CPU included) with `signal`.
        public static void Signal(int index, InterProcessorSignal signal) => Processors.Signal(s_hardwareIds[index], signal);

        // Boot CPU, thread context, interrupts on. Says on `output` what it could not do.
        public static void StartAll(TextSink output)
        {
            ulong boot = Processors.CurrentHardwareId();
            s_described = Processors.Discover(s_hardwareIds);
            if (s_described == 0)
            {
                s_hardwareIds[0] = boot;
                s_described = 1;
            }
            int wanted = Math.Min(s_described, Processors.MaxCpus);
            // The boot CPU first, the others in the firmware's order.
            for (int i = 0; i < wanted; i++)
            {
                if (s_hardwareIds[i] == boot)
                {
                    s_hardwareIds[i] = s_hardwareIds[0];
                    s_hardwareIds[0] = boot;
                    break;
                }
            }
            if (s_described > Processors.MaxCpus)
            {
                output.Write("smp: "u8);
                output.WriteDecimal((ulong)s_described);
                output.Write(" CPUs described, only "u8);
                output.WriteDecimal(Processors.MaxCpus);
                output.WriteLine(" are used"u8);
            }
            for (int index = 1; index < wanted; index++)
            {
                if (!StartOne(index, output))
                    return;
            }
        }

        private static bool StartOne(int index, TextSink output)
        {
            nuint stackTop = Scheduler.PrepareSecondary(index);
            if (stackTop == 0)
                return Fail(output, index, "no memory or thread slot for its idle thread"u8);
            int online = Scheduler.OnlineCpus;
            if (!Processors.Start(index, s_hardwareIds[index], stackTop))
                return Fail(output, index, "the firmware refused to start it"u8);
            ulong deadline = Clock.NowNanoseconds + StartTimeoutNanoseconds;
            while (Scheduler.OnlineCpus == online)
            {
                if (Clock.NowNanoseconds > deadline)
                    return Fail(output, index, "it did not check in within 500 ms"u8);
                Cpu.SpinWaitHint();
            }
            return true;
        }

        private static bool Fail(TextSink output, int index, ReadOnlySpan<byte> reason)
        {
            output.Write("smp: CPU "u8);
            output.WriteDecimal((ulong)index);
            output.Write(" (hardware id "u8);
            output.WriteDecimal(s_hardwareIds[index]);
            output.Write(") not started: "u8);
            output.Write(reason);
            output.WriteLine("; going on with the CPUs that are up"u8);
            return false;
        }

        // A further CPU's arch entry hands over here, interrupts off, with its
        // index set and exception entry loaded: start its tick, join the scheduler.
        public static void Run(int index)
        {
            TickSource.StartOnThisCpu(Ticks.Hz);
            Scheduler.EnterSecondary(index);
        }
    }
}
