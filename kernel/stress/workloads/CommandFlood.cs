// The command flood: random valid commands through the shell dispatcher
// (ShellDriver) at --rate per second, each interval jittered by +- noise %,
// on the calling thread until the run ends. A command whose start is more
// than one interval behind its schedule is counted late (the schedule then
// restarts from now instead of bursting to catch up). Counters: commands,
// command_errors (a valid command that printed an error line), commands_late;
// histogram: command_latency (parse + dispatch).
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Time;
using KernelStress.Metrics;
using KernelStress.Prng;

namespace KernelStress.Kernel.Stress.Workloads
{
    internal static unsafe class CommandFlood
    {
        private static readonly ShellDriver s_driver = new ShellDriver();

        // `poll` is called between commands (progress records, the deadline); it returns true to stop.
        public static void Run(LatencyHistogram latency, delegate*<bool> poll, bool countAsOps)
        {
            var random = new Xorshift64Star(StressStreams.Derive(StressRun.Options.Seed, StressStreams.Commands));
            ulong interval = 1_000_000_000UL / StressRun.Options.RatePerSecond;
            ulong jitter = interval * StressRun.Options.NoisePct / 100;
            ulong next = Clock.NowNanoseconds;
            while (!poll())
            {
                ulong now = Clock.NowNanoseconds;
                if (now < next)
                {
                    if (next - now > 1_000_000)
                        Scheduler.Sleep(1);
                    else
                        Scheduler.Yield();
                    continue;
                }
                if (now - next > interval)
                {
                    StressRun.Increment(StressCounter.CommandsLate);
                    next = now;
                }
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
