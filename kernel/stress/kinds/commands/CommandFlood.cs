// The command flood: random valid commands through the shell dispatcher
// (ShellDriver) at --rate per second, each interval jittered by +- noise %,
// on the calling thread until the run ends. Ahead of schedule it sleeps to
// the next tick (never spins: Low-priority workloads must get the CPU), then
// catches up; a command that starts more than LateNanoseconds behind its
// schedule is counted late, and more than MaxDebtNanoseconds behind the
// schedule restarts from now (no endless burst after a stall). Counters:
// commands, command_errors (a valid command that printed an error line),
// commands_late, achieved_rate_per_s; histogram: command_latency (parse +
// dispatch).
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Time;
using KernelStress.Metrics;
using KernelStress.Prng;

namespace KernelStress.Kernel.Stress.Kinds.Commands
{
    internal static unsafe class CommandFlood
    {
        // Two ticks: sleeping to the next tick may legitimately leave a command this far behind.
        private const ulong LateNanoseconds = 2_000_000;
        private const ulong MaxDebtNanoseconds = 50_000_000;

        private static readonly ShellDriver s_driver = new ShellDriver();

        // `poll` is called between commands (progress records, the deadline); it returns true to stop.
        public static void Run(LatencyHistogram latency, delegate*<bool> poll, bool countAsOps)
        {
            var random = new Xorshift64Star(StressStreams.Derive(StressRun.Options.Seed, StressStreams.Commands));
            ulong interval = 1_000_000_000UL / StressRun.Options.RatePerSecond;
            ulong jitter = interval * StressRun.Options.NoisePct / 100;
            ulong next = Clock.NowNanoseconds;
            StressRun.Add(StressCounter.Commands, 0);
            StressRun.Add(StressCounter.CommandErrors, 0);
            StressRun.Add(StressCounter.CommandsLate, 0);
            while (!poll())
            {
                ulong now = Clock.NowNanoseconds;
                if (now < next)
                {
                    Scheduler.Sleep(1);
                    continue;
                }
                if (now - next > LateNanoseconds && now - next > interval)
                    StressRun.Increment(StressCounter.CommandsLate);
                if (now - next > MaxDebtNanoseconds)
                    next = now;
                ulong start = Clock.NowNanoseconds;
                int errors = s_driver.RunRandom(ref random);
                latency.Record(Clock.NowNanoseconds - start);
                StressRun.Increment(StressCounter.Commands);
                if (countAsOps)
                    StressRun.Increment(StressCounter.Ops);
                if (errors != 0)
                {
                    StressRun.Increment(StressCounter.CommandErrors);
                    StressRun.Increment(StressCounter.Failed);
                }
                ulong step = jitter == 0 ? interval : interval - jitter + random.Range(0, 2 * jitter + 1);
                next += step;
            }
        }
    }
}
