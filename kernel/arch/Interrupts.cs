// Interrupt and exception entry, declared here, implemented by the arch twins
// (arch/x64/Interrupts.X64.cs: the IDT; arm64: the VBAR_EL1 vectors).
// After Initialize every CPU exception reaches the kernel: it is reported
// (human register dump + record); a sacrificial thread is killed, anything
// else halts the machine with a `panic` record.
// Device interrupts (the timer tick) are delivered once Cpu.EnableInterrupts runs.
namespace KernelStress.Kernel.Arch
{
    internal static partial class Interrupts
    {
        public static partial void Initialize();

        // Device interrupts that arrived on a vector nobody handles.
        public static partial ulong UnexpectedCount();
    }
}
