// `stresstest concurrency --clients N` (the integration sprint's 20 concurrent operations,
// of which its system served none): N client threads send requests to the
// one KernelService thread until the deadline, each waiting for its answer
// (timeout RequestTimeoutMs) and checking it. Counted: requests (ops), failed
// (timed out, wrong answer, rejected by a full ring), each outcome, and the
// fewest and most requests any client got answered; request_latency holds
// every answered request's round trip.
// Verdict: FAIL when a client got no answer at all or the error rate is over
// 1 %; PARTIAL over 0.1 % or when p99 is over 50 ms (the progressive-load and stress-smoke plans).
using System.Threading;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Stress.Service;
using KernelStress.Metrics;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Concurrency
{
    internal static unsafe class ConcurrencyWorkload
    {
        public const ulong RequestTimeoutMs = 100;
        private const ulong P99WarnNs = 50_000_000;
        private const long ErrorWarnPpm = 1_000;
        private const long ErrorFailPpm = 10_000;

        private static readonly int[] s_threads = new int[ServiceChannel.MaxClients];
        private static readonly long[] s_answered = new long[ServiceChannel.MaxClients];
        private static int s_clients;
        private static LatencyHistogram? s_latency;

        public static int Clients => s_clients;

        // `sabotage` (test-only): the service never answers client 0, so the answers-per-client check must fail the run.
        public static void Configure(int clients, bool sabotage)
        {
            s_clients = clients;
            KernelService.AnswersClientZero = !sabotage;
        }

        // On the shell thread: the service, the clients until the deadline or Ctrl-C. False if a thread did not start.
        public static bool Run(LatencyHistogram latency, delegate*<bool> poll)
        {
            s_latency = latency;
            StressRun.Set(ConcurrencyCounters.TimedOut, 0);
            StressRun.Set(ConcurrencyCounters.WrongAnswers, 0);
            StressRun.Set(StressCounter.Rejected, 0);
            if (!KernelService.Start())
            {
                KernelService.AnswersClientZero = true;
                return false;
            }
            int spawned = 0;
            for (; spawned < s_clients; spawned++)
            {
                s_answered[spawned] = 0;
                s_threads[spawned] = Scheduler.Spawn("client"u8, &Client, spawned, ThreadPriority.Normal);
                if (s_threads[spawned] < 0)
                    break;
            }
            while (spawned == s_clients && !poll())
                Scheduler.Sleep(1);
            StressRun.RequestStop();
            for (int i = 0; i < spawned; i++)
                Scheduler.Join(s_threads[i]);
            KernelService.Stop();
            KernelService.AnswersClientZero = true;
            long fewest = long.MaxValue, most = 0;
            for (int i = 0; i < spawned; i++)
            {
                fewest = s_answered[i] < fewest ? s_answered[i] : fewest;
                most = s_answered[i] > most ? s_answered[i] : most;
            }
            StressRun.Set(ConcurrencyCounters.FewestAnswered, spawned == 0 ? 0 : fewest);
            StressRun.Set(ConcurrencyCounters.MostAnswered, most);
            return spawned == s_clients;
        }

        private static void Client(nint index)
        {
            int client = (int)index;
            ulong sequence = 0;
            while (!StressRun.Stopping)
            {
                sequence++;
                ulong payload = ((ulong)client << 48) ^ sequence;
                RequestOutcome outcome = ServiceClient.Request(client, sequence, payload, RequestTimeoutMs * 1_000_000, out ulong latency);
                StressRun.Increment(StressCounter.Ops);
                if (outcome == RequestOutcome.Answered)
                {
                    s_latency!.Record(latency);
                    s_answered[client]++;
                    continue;
                }
                StressRun.Increment(StressCounter.Failed);
                if (outcome == RequestOutcome.TimedOut)
                    StressRun.Increment(ConcurrencyCounters.TimedOut);
                else if (outcome == RequestOutcome.WrongAnswer)
                    StressRun.Increment(ConcurrencyCounters.WrongAnswers);
                else
                    StressRun.Increment(StressCounter.Rejected);
                if (outcome == RequestOutcome.Rejected)
                    Scheduler.Sleep(1);
            }
        }

        public static void Judge(TextSink reason)
        {
            if (StressRun.Verdict == StressVerdict.Fail)
                return;
            long ops = StressRun.Get(StressCounter.Ops);
            long failed = StressRun.Get(StressCounter.Failed);
            long ppm = ops == 0 ? 0 : failed * 1_000_000 / ops;
            s_latency!.Snapshot(StressRun.Snapshot);
            ulong p99 = StressRun.Snapshot.Summarize().P99;
            reason.WriteDecimal(s_clients);
            reason.Write(" clients, "u8);
            reason.WriteDecimal(ops);
            reason.Write(" requests, "u8);
            reason.WriteDecimal(failed);
            reason.Write(" failed ("u8);
            reason.WriteDecimal(ppm);
            reason.Write(" ppm), p99 "u8);
            reason.WriteDecimal(p99 / 1000);
            reason.Write(" us, answers per client "u8);
            reason.WriteDecimal(StressRun.Get(ConcurrencyCounters.FewestAnswered));
            reason.Write(".."u8);
            reason.WriteDecimal(StressRun.Get(ConcurrencyCounters.MostAnswered));
            if (StressRun.Get(ConcurrencyCounters.FewestAnswered) == 0)
            {
                reason.Write(": a client got no answer"u8);
                StressRun.Judge(StressVerdict.Fail);
            }
            else if (ppm > ErrorFailPpm)
            {
                StressRun.Judge(StressVerdict.Fail);
            }
            else if (ppm > ErrorWarnPpm || p99 > P99WarnNs)
            {
                StressRun.Judge(StressVerdict.Partial);
            }
        }

        // "  Requests: 41234 (timed out 0, wrong 0, rejected 0); answers per client 1980..2110"
        public static void Print(TextSink output)
        {
            output.Write("  Requests: "u8);
            output.WriteDecimal(StressRun.Get(StressCounter.Ops));
            output.Write(" (timed out "u8);
            output.WriteDecimal(StressRun.Get(ConcurrencyCounters.TimedOut));
            output.Write(", wrong "u8);
            output.WriteDecimal(StressRun.Get(ConcurrencyCounters.WrongAnswers));
            output.Write(", rejected "u8);
            output.WriteDecimal(StressRun.Get(StressCounter.Rejected));
            output.Write("); answers per client "u8);
            output.WriteDecimal(StressRun.Get(ConcurrencyCounters.FewestAnswered));
            output.Write(".."u8);
            output.WriteDecimal(StressRun.Get(ConcurrencyCounters.MostAnswered));
            output.WriteLine();
        }
    }
}
