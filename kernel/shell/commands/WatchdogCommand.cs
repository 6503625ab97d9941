// `watchdog [--threshold MS]`: the soft-lockup watchdog's state (threshold,
// stalls detected since boot, each online CPU's time since its last tick) and
// a `watchdog` record; --threshold sets the threshold first.
using KernelStress.Kernel.Console;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Time;
using KernelStress.Shell;
using Dog = KernelStress.Kernel.Watchdog.Watchdog;

namespace KernelStress.Kernel.Shell.Commands
{
    internal static class WatchdogCommand
    {
        public static void Run(ParsedCommand command, TextSink output)
        {
            if (command.TryGetUnsigned(ShellCommands.WatchdogThreshold, out ulong threshold))
                Dog.SetThreshold(threshold);
            int online = Scheduler.OnlineCpus;
            ulong now = Clock.NowNanoseconds;
            output.Write("watchdog: threshold "u8);
            output.WriteDecimal(Dog.ThresholdMs);
            output.Write(" ms, stalls detected "u8);
            output.WriteDecimal(Dog.StallsDetected);
            output.WriteLine(online > 1 ? ""u8 : " (one CPU: nobody can notice it stall)"u8);
            for (int cpu = 0; cpu < online; cpu++)
            {
                output.Write("  CPU "u8);
                output.WriteDecimal((ulong)cpu);
                output.Write(": last tick "u8);
                output.WriteDecimal(Age(now, Dog.LastTick(cpu)));
                output.WriteLine(" ms ago"u8);
            }

            JsonWriter json = KernelConsole.BeginRecord("watchdog"u8);
            json.WriteNumber("threshold_ms"u8, Dog.ThresholdMs);
            json.WriteNumber("stalls_detected"u8, Dog.StallsDetected);
            json.WriteStartArray("last_tick_ms_ago"u8);
            for (int cpu = 0; cpu < online; cpu++)
                json.WriteNumberValue(Age(now, Dog.LastTick(cpu)));
            json.WriteEndArray();
            KernelConsole.EndRecord(ref json);
        }

        private static ulong Age(ulong now, ulong then) => now > then ? (now - then) / 1_000_000 : 0;
    }
}
