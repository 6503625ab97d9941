// The chaos loop: until the run ends, draw an event type, its parameter and
// whether a fault is injected (with --fail-rate percent) from the run's chaos
// stream, run it, and count the outcome. Everything the sequence is made of
// is drawn before the event runs and only from that stream, so a seed replays
// the same sequence however the events went; an event's own random choices
// come from a stream derived from the seed and the event's number.
// A fault is injected only into the kinds with a kernel recovery mechanism
// (ChaosEvents.HasFault; the draw is made for every event, so the sequence
// does not depend on it). An event with an injected fault is recovered when
// the kernel restored the invariant the fault broke (ChaosActions, per event);
// its recovery latency is measured, in total and per kind (ChaosTally). An event without a fault that ends with its invariant broken
// is a kernel failure (failed, and the run's verdict is FAIL).
// With --verbose each event is printed: "[CHAOS] #12 memory_spike p=57 fault=yes recovered=yes recovery_ns=1234".
using System;
using KernelStress.Kernel.Time;
using KernelStress.Metrics;
using KernelStress.Prng;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Chaos
{
    internal static unsafe class ChaosEngine
    {
        private const ulong EventStreamBase = 1UL << 32;

        private static readonly ulong[] s_byType = new ulong[ChaosEvents.Count];

        public static ulong ByType(ChaosEvent e) => s_byType[(int)e];

        // The running engine's event latency histogram (recorded by its thread only).
        public static LatencyHistogram? EventLatency { get; private set; }

        // Runs events until `poll` says stop. Recovery and event latencies go to the histograms.
        public static void Run(LatencyHistogram recoveryLatency, LatencyHistogram eventLatency, delegate*<bool> poll)
        {
            for (int i = 0; i < s_byType.Length; i++)
                s_byType[i] = 0;
            ChaosTally.Reset();
            EventLatency = eventLatency;
            ChaosActions.Prepare();
            ulong seed = StressRun.Options.Seed;
            var random = new Xorshift64Star(StressStreams.Derive(seed, StressStreams.Chaos));
            int failRate = (int)StressRun.Options.FailRatePct;
            ulong number = 0;
            while (!poll())
            {
                var e = (ChaosEvent)random.Range(0, ChaosEvents.Count);
                int parameter = random.Range(ChaosEvents.Min(e), ChaosEvents.Max(e) + 1);
                bool inject = random.Range(0, 100) < failRate && ChaosEvents.HasFault(e);
                int pauseMs = random.Range(1, 4);
                var local = new Xorshift64Star(StressStreams.Derive(seed, EventStreamBase + number));
                ulong start = Clock.NowNanoseconds;
                bool held = ChaosActions.Run(e, parameter, inject, ref local, out ulong recoveryNs);
                eventLatency.Record(Clock.NowNanoseconds - start);
                s_byType[(int)e]++;
                StressRun.Increment(StressCounter.Events);
                StressRun.Increment(StressCounter.Ops);
                if (inject)
                {
                    StressRun.Increment(StressCounter.FaultsInjected);
                    ChaosTally.Count(e, held, recoveryNs);
                    if (held)
                    {
                        StressRun.Increment(StressCounter.Recovered);
                        recoveryLatency.Record(recoveryNs);
                    }
                    else
                    {
                        StressRun.Increment(StressCounter.RecoveryFailed);
                    }
                }
                else if (!held)
                {
                    StressRun.Increment(StressCounter.Failed);
                    FailBroken(e);
                }
                if (StressRun.Options.Verbose)
                    Print(number, e, parameter, inject, held, recoveryNs);
                number++;
                ChaosActions.Pause(pauseMs);
            }
            ChaosActions.Finish();
        }

        // "chaos event KIND broke its invariant without an injected fault".
        private static void FailBroken(ChaosEvent e)
        {
            Span<byte> text = stackalloc byte[96];
            ReadOnlySpan<byte> name = ChaosEvents.Name(e);
            "chaos event "u8.CopyTo(text);
            name.CopyTo(text.Slice(12));
            ReadOnlySpan<byte> tail = " broke its invariant without an injected fault"u8;
            tail.CopyTo(text.Slice(12 + name.Length));
            StressRun.Fail(text.Slice(0, 12 + name.Length + tail.Length));
        }

        private static void Print(ulong number, ChaosEvent e, int parameter, bool inject, bool held, ulong recoveryNs)
        {
            StressOutput.Lock.Lock();
            TextSink output = StressOutput.Out;
            output.Write("[CHAOS] #"u8);
            output.WriteDecimal(number);
            output.Write(" "u8);
            output.Write(ChaosEvents.Name(e));
            output.Write(" p="u8);
            output.WriteDecimal((ulong)parameter);
            output.Write(inject ? " fault=yes"u8 : " fault=no"u8);
            if (inject)
            {
                output.Write(held ? " recovered=yes recovery_ns="u8 : " recovered=no"u8);
                if (held)
                    output.WriteDecimal(recoveryNs);
            }
            else
            {
                output.Write(held ? " ok"u8 : " BROKEN"u8);
            }
            output.WriteLine();
            StressOutput.Lock.Unlock();
        }
    }
}
