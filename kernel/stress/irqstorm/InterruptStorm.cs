// An interrupt storm: for a set time, one pinned thread on every other online
// CPU (on a lone CPU, a thread on that CPU itself) sends reschedule IPIs to
// the target CPU as fast as its local APIC accepts them. The target must come
// through: its timer keeps ticking (the tick's vector ranks below the IPI's,
// so a storm can starve it; how many of the expected ticks arrived is
// measured), the scheduler keeps running, and afterwards the shell answers.
// IPIs that arrive while one is still pending merge into it (one IRR bit), so
// received <= sent is expected; both are counted.
using System;
using System.Threading;
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Smp;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Time;

namespace KernelStress.Kernel.Stress.IrqStorm
{
    internal static unsafe class InterruptStorm
    {
        public const ulong MaxMilliseconds = 10_000;

        private static int s_target;
        private static ulong s_deadline;
        private static long s_sent;

        public struct Outcome
        {
            public int Target;
            public int Senders;
            public ulong Sent;
            public ulong Received;
            public ulong TargetTicks;
            public ulong ElapsedNanoseconds;
        }

        // False when not a single sender thread could be started.
        public static bool Run(int target, ulong milliseconds, out Outcome outcome)
        {
            outcome = default;
            int online = Scheduler.OnlineCpus;
            Span<int> ids = stackalloc int[Processors.MaxCpus];
            Scheduler.SnapshotCpu(target, out PerCpu before, out _);
            s_target = target;
            s_sent = 0;
            ulong started = Clock.NowNanoseconds;
            Volatile.Write(ref s_deadline, started + milliseconds * 1_000_000);
            int senders = 0;
            for (int cpu = 0; cpu < online; cpu++)
            {
                if (cpu == target && online > 1)
                    continue;
                int id = Scheduler.Spawn("irqstorm"u8, &Send, 0, ThreadPriority.Normal, cpu: cpu);
                if (id >= 0)
                    ids[senders++] = id;
            }
            for (int i = 0; i < senders; i++)
                Scheduler.Join(ids[i]);
            Scheduler.SnapshotCpu(target, out PerCpu after, out _);
            outcome.Target = target;
            outcome.Senders = senders;
            outcome.Sent = (ulong)Interlocked.Read(ref s_sent);
            outcome.Received = after.SignalsReceived - before.SignalsReceived;
            outcome.TargetTicks = after.Ticks - before.Ticks;
            outcome.ElapsedNanoseconds = Clock.NowNanoseconds - started;
            return senders > 0;
        }

        private static void Send(nint unused)
        {
            long sent = 0;
            ulong deadline = Volatile.Read(ref s_deadline);
            while (Clock.NowNanoseconds < deadline)
            {
                SecondaryCpus.Signal(s_target, InterProcessorSignal.Reschedule);
                sent++;
            }
            Interlocked.Add(ref s_sent, sent);
        }
    }
}
