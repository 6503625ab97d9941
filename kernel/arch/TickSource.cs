// The periodic timer interrupt, declared here, implemented by the arch twins
// (x64: the local APIC timer; arm64: the generic timer). Every CPU ticks;
// each tick calls Ticks.OnTick in interrupt context on that CPU.
namespace KernelStress.Kernel.Arch
{
    internal static partial class TickSource
    {
        // Programs the timer to interrupt hz times a second (interrupts stay
        // disabled until Cpu.EnableInterrupts); returns the timer's input rate.
        public static partial ulong Start(uint hz);

        // On a further CPU, after Start ran on the boot CPU: the same tick here.
        public static partial void StartOnThisCpu(uint hz);

        // The cycle-counter value (Cpu.ReadCycleCounter) at which this CPU's next
        // tick is due. Call with interrupts off, so the tick cannot pass meanwhile.
        public static partial ulong NextTickDue();
    }
}
