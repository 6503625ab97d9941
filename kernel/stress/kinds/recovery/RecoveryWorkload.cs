// `stresstest recovery --kills N` (the integration sprint's coordinator crash -> restart):
// the shell thread is the client of the supervised KernelService. Per kill:
// WarmRequests requests that must all be answered; then Scheduler.Kill on the
// service thread; the supervisor starts a new one (restart_latency: kill to
// new thread); the client keeps asking (short timeouts, as a client that
// retries) until an answer comes (first_success_latency: kill to answer).
// A kill not recovered within RecoveryBoundMs (no restart, or no answer) is a
// failed recovery; requests that time out during the outage are expected and
// counted apart (outage_timeouts), not as failures.
// Verdict: FAIL when a recovery failed or a warm request was not answered;
// PARTIAL when first_success p99 is over 50 ms (the stress-smoke plan's latency bar).
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Stress.Service;
using KernelStress.Kernel.Time;
using KernelStress.Metrics;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Recovery
{
    internal static unsafe class RecoveryWorkload
    {
        public const ulong RecoveryBoundMs = 1000;
        private const int WarmRequests = 10;
        private const ulong WarmTimeoutMs = 100;
        private const ulong RetryTimeoutMs = 5;
        private const ulong P99WarnNs = 50_000_000;
        private const int Client = 0;

        private static uint s_kills;
        private static ulong s_sequence;
        private static LatencyHistogram? s_restart;
        private static LatencyHistogram? s_firstSuccess;

        public static uint Kills => s_kills;

        // `sabotage` (test-only): the supervisor does not restart the service, so every recovery must fail.
        public static void Configure(uint kills, bool sabotage)
        {
            s_kills = kills;
            KernelService.RestartsEnabled = !sabotage;
        }

        // On the shell thread: every kill and its recovery (Ctrl-C ends early). False if the service did not start.
        public static bool Run(LatencyHistogram restart, LatencyHistogram firstSuccess, delegate*<bool> poll)
        {
            s_restart = restart;
            s_firstSuccess = firstSuccess;
            s_sequence = 0;
            StressRun.Set(StressCounter.FaultsInjected, 0);
            StressRun.Set(StressCounter.Recovered, 0);
            StressRun.Set(StressCounter.RecoveryFailed, 0);
            StressRun.Set(RecoveryCounters.OutageTimeouts, 0);
            bool started = KernelService.Start();
            for (uint kill = 1; started && kill <= s_kills; kill++)
            {
                if (poll() && StressRun.Cancelled)
                    break;
                if (!Warm() || !KillAndRecover((int)kill))
                    break;
            }
            if (started)
                KernelService.Stop();
            KernelService.RestartsEnabled = true;
            return started;
        }

        // WarmRequests answered requests; false (and the run failed) when one was not.
        private static bool Warm()
        {
            for (int i = 0; i < WarmRequests; i++)
            {
                if (Ask(WarmTimeoutMs) != RequestOutcome.Answered)
                {
                    StressRun.Fail("the service did not answer a request before a kill"u8);
                    return false;
                }
            }
            return true;
        }

        private static bool KillAndRecover(int kill)
        {
            ulong killedAt = Clock.NowNanoseconds;
            StressRun.Increment(StressCounter.FaultsInjected);
            if (!KernelService.Kill())
            {
                StressRun.Fail("the service thread could not be killed"u8);
                return false;
            }
            ulong bound = killedAt + RecoveryBoundMs * 1_000_000;
            while (KernelService.Restarts < kill && Clock.NowNanoseconds < bound)
                Scheduler.Sleep(1);
            if (KernelService.Restarts < kill)
                return RecoveryFailed("the supervisor did not restart the service within 1 s"u8);
            s_restart!.Record(KernelService.LastRestartNs);
            while (Clock.NowNanoseconds < bound)
            {
                if (Ask(RetryTimeoutMs) == RequestOutcome.Answered)
                {
                    s_firstSuccess!.Record(Clock.NowNanoseconds - killedAt);
                    StressRun.Increment(StressCounter.Recovered);
                    return true;
                }
                StressRun.Increment(RecoveryCounters.OutageTimeouts);
            }
            return RecoveryFailed("no request was answered within 1 s of a kill"u8);
        }

        private static bool RecoveryFailed(System.ReadOnlySpan<byte> reason)
        {
            StressRun.Increment(StressCounter.RecoveryFailed);
            StressRun.Fail(reason);
            return false;
        }

        // One request with a fresh sequence number; ops counts every one, failed the wrong answers.
        private static RequestOutcome Ask(ulong timeoutMs)
        {
            s_sequence++;
            RequestOutcome outcome = ServiceClient.Request(Client, s_sequence, s_sequence * 7919, timeoutMs * 1_000_000, out _);
            StressRun.Increment(StressCounter.Ops);
            if (outcome == RequestOutcome.WrongAnswer)
                StressRun.Increment(StressCounter.Failed);
            return outcome;
        }

        public static void Judge(TextSink reason)
        {
            if (StressRun.Verdict == StressVerdict.Fail)
                return;
            s_firstSuccess!.Snapshot(StressRun.Snapshot);
            ulong p99 = StressRun.Snapshot.Summarize().P99;
            reason.WriteDecimal(StressRun.Get(StressCounter.Recovered));
            reason.Write(" of "u8);
            reason.WriteDecimal(StressRun.Get(StressCounter.FaultsInjected));
            reason.Write(" kills recovered; first answer after a kill p99 "u8);
            reason.WriteDecimal(p99 / 1000);
            reason.Write(" us"u8);
            if (StressRun.Get(StressCounter.Failed) > 0)
                StressRun.Fail("the service gave a wrong answer"u8);
            else if (p99 > P99WarnNs)
                StressRun.Judge(StressVerdict.Partial);
        }

        // "  Kills: 10, restarts 10, recovered 10, failed 0; requests timed out during outages: 12"
        public static void Print(TextSink output)
        {
            output.Write("  Kills: "u8);
            output.WriteDecimal(StressRun.Get(StressCounter.FaultsInjected));
            output.Write(", restarts "u8);
            output.WriteDecimal(KernelService.Restarts);
            output.Write(", recovered "u8);
            output.WriteDecimal(StressRun.Get(StressCounter.Recovered));
            output.Write(", failed "u8);
            output.WriteDecimal(StressRun.Get(StressCounter.RecoveryFailed));
            output.Write("; requests timed out during outages: "u8);
            output.WriteDecimal(StressRun.Get(RecoveryCounters.OutageTimeouts));
            output.WriteLine();
        }
    }
}
