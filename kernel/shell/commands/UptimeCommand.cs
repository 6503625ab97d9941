// `uptime`: time since reset on the kernel's clock (the calibrated cycle
// counter) next to the timer ticks counted since the tick started, so the two
// time sources can be compared; also emitted as an `uptime` record.
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Console;
using KernelStress.Kernel.Time;
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell.Commands
{
    internal static class UptimeCommand
    {
        public static void Run(TextSink output)
        {
            ulong now = Clock.NowNanoseconds;
            ulong ticks = Ticks.Count;
            output.Write("up "u8);
            output.WriteDecimal(now / 1_000_000);
            output.Write(" ms; "u8);
            output.WriteDecimal(ticks);
            output.Write(" ticks at "u8);
            output.WriteDecimal((ulong)Ticks.Hz);
            output.Write(" Hz; cycle counter "u8);
            output.WriteDecimal(Clock.CounterHz);
            output.Write(" Hz; timer input "u8);
            output.WriteDecimal(Ticks.TimerInputHz);
            output.WriteLine(" Hz"u8);

            JsonWriter json = KernelConsole.BeginRecord("uptime"u8);
            json.WriteNumber("uptime_ns"u8, now);
            json.WriteNumber("ticks"u8, ticks);
            json.WriteNumber("tick_hz"u8, (ulong)Ticks.Hz);
            json.WriteNumber("counter_hz"u8, Clock.CounterHz);
            json.WriteNumber("timer_input_hz"u8, Ticks.TimerInputHz);
            json.WriteNumber("unexpected_interrupts"u8, Interrupts.UnexpectedCount());
            KernelConsole.EndRecord(ref json);
        }
    }
}
