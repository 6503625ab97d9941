// The soft-lockup watchdog: every CPU's tick notes that the CPU is alive (its
// timer interrupt got through, so it is not stuck with interrupts off) and
// looks at the others. A CPU whose last tick is older than ThresholdMs has
// stalled: the CPU that notices asks it for its state (Processors.Signal
// ReportState: an NMI on x64, delivered even with interrupts off), waits up to
// 50 ms for the answer, and emits a `stall` record (phase "detected":
// cpu, stalled_ms, the thread it was running, pc/sp as hex when it answered) and a
// human line. When the stalled CPU ticks again it emits phase "recovered"
// with the whole stall's length. One report per stall.
// Needs two CPUs: a lone CPU with interrupts off has nobody to notice it (the
// host's no-output timeout is the backstop then).
// Interrupt context throughout (the tick, the NMI); the report takes the
// console only if it can within a bounded wait, else it tries on a later tick.
using System;
using System.Threading;
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Console;
using KernelStress.Kernel.Smp;
using KernelStress.Kernel.Records;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Time;
using KernelStress.Shell;

namespace KernelStress.Kernel.Watchdog
{
    internal static class Watchdog
    {
        public const ulong DefaultThresholdMs = 1000;
        public const ulong MinThresholdMs = 100;
        public const ulong MaxThresholdMs = 60_000;
        // An emulator delivers the NMI when the stalled CPU's thread next gets the host CPU:
        // on a loaded host that took over a millisecond. The wait happens once per stall.
        private const ulong StateWaitNanoseconds = 50_000_000;

        private static ulong s_thresholdMs = DefaultThresholdMs;
        private static ulong s_stallsDetected;
        private static readonly ulong[] s_lastTick = new ulong[Processors.MaxCpus];
        // Per CPU: when its stall began (its last tick), 0 while it is not stalled.
        private static readonly ulong[] s_stalledSince = new ulong[Processors.MaxCpus];
        // Per CPU: the detection still has to be reported (the console was busy).
        private static readonly bool[] s_reportPending = new bool[Processors.MaxCpus];
        private static readonly ulong[] s_statePc = new ulong[Processors.MaxCpus];
        private static readonly ulong[] s_stateSp = new ulong[Processors.MaxCpus];
        private static readonly int[] s_stateAnswered = new int[Processors.MaxCpus];
        private static int s_checking;

        public static ulong ThresholdMs => Volatile.Read(ref s_thresholdMs);

        public static void SetThreshold(ulong milliseconds) => Volatile.Write(ref s_thresholdMs, milliseconds);

        public static ulong StallsDetected => Volatile.Read(ref s_stallsDetected);

        // Clock time of CPU `cpu`'s last tick.
        public static ulong LastTick(int cpu) => Volatile.Read(ref s_lastTick[cpu]);

        // Interrupt context: CPU `cpu` took its tick at `now`.
        public static void OnTick(int cpu, ulong now)
        {
            Volatile.Write(ref s_lastTick[cpu], now);
            ulong since = Volatile.Read(ref s_stalledSince[cpu]);
            if (since != 0)
            {
                Volatile.Write(ref s_stalledSince[cpu], 0);
                if (!s_reportPending[cpu])
                    Report(cpu, "recovered"u8, now - since, false);
                s_reportPending[cpu] = false;
            }
            // One CPU checks at a time; the others skip this tick.
            if (Interlocked.CompareExchange(ref s_checking, 1, 0) != 0)
                return;
            int online = Scheduler.OnlineCpus;
            ulong threshold = ThresholdMs * 1_000_000;
            for (int other = 0; other < online; other++)
            {
                if (other == cpu)
                    continue;
                ulong last = Volatile.Read(ref s_lastTick[other]);
                if (last == 0 || now <= last)
                    continue;
                if (Volatile.Read(ref s_stalledSince[other]) == 0 && now - last > threshold)
                {
                    Volatile.Write(ref s_stalledSince[other], last);
                    Interlocked.Increment(ref s_stallsDetected);
                    s_reportPending[other] = true;
                    AskForState(other);
                }
                if (s_reportPending[other] && Volatile.Read(ref s_stalledSince[other]) != 0)
                    s_reportPending[other] = !Report(other, "detected"u8, now - last, true);
            }
            Volatile.Write(ref s_checking, 0);
        }

        // Interrupt context on the stalled CPU (the ReportState signal): where it was.
        public static void OnStateRequested(int cpu, ulong pc, ulong sp)
        {
            s_statePc[cpu] = pc;
            s_stateSp[cpu] = sp;
            Volatile.Write(ref s_stateAnswered[cpu], 1);
        }

        private static void AskForState(int cpu)
        {
            Volatile.Write(ref s_stateAnswered[cpu], 0);
            SecondaryCpus.Signal(cpu, InterProcessorSignal.ReportState);
            ulong deadline = Clock.NowNanoseconds + StateWaitNanoseconds;
            while (Volatile.Read(ref s_stateAnswered[cpu]) == 0 && Clock.NowNanoseconds < deadline)
                Cpu.SpinWaitHint();
        }

        // False when the console could not be had (try again on a later tick).
        private static bool Report(int cpu, ReadOnlySpan<byte> phase, ulong stalledNanoseconds, bool withState)
        {
            if (!KernelConsole.Lock.TryEnterFromInterrupt())
                return false;
            ulong stalledMs = stalledNanoseconds / 1_000_000;
            bool answered = withState && Volatile.Read(ref s_stateAnswered[cpu]) != 0;
            TextSink output = KernelConsole.Out;
            output.Write("\r\nwatchdog: CPU "u8);
            output.WriteDecimal((ulong)cpu);
            output.Write(phase[0] == (byte)'d' ? " stalled: no timer tick for "u8 : " recovered after "u8);
            output.WriteDecimal(stalledMs);
            output.WriteLine(" ms"u8);
            JsonWriter json = KernelConsole.BeginRecord("stall"u8);
            json.WriteString("phase"u8, phase);
            json.WriteNumber("cpu"u8, (ulong)cpu);
            json.WriteNumber("stalled_ms"u8, stalledMs);
            json.WriteNumber("threshold_ms"u8, ThresholdMs);
            if (withState)
            {
                Span<byte> name = stackalloc byte[KernelThread.MaxNameLength];
                if (Scheduler.PeekCurrent(cpu, out int id, name, out int nameLength))
                {
                    json.WriteNumber("thread_id"u8, (ulong)id);
                    json.WriteString("thread"u8, name.Slice(0, nameLength));
                }
                json.WriteBoolean("state_captured"u8, answered);
                if (answered)
                {
                    Hex.WriteJson64(ref json, "pc"u8, s_statePc[cpu]);
                    Hex.WriteJson64(ref json, "sp"u8, s_stateSp[cpu]);
                }
            }
            KernelConsole.EndRecord(ref json);
            KernelConsole.Lock.Exit();
            return true;
        }
    }
}
