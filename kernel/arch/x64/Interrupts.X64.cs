// x86-64 twin of arch/Interrupts.cs. Every vector enters ks_interrupt with the
// frame arch/x64/interrupts.s built. Vectors 0-31 are CPU exceptions: reported
// and fatal (no thread can be sacrificed before the scheduler exists). Device
// interrupts are not enabled yet; one arriving anyway is reported the same way.
using System.Runtime;

namespace KernelStress.Kernel.Arch
{
    internal static unsafe partial class Interrupts
    {
        public static partial void Initialize() => Idt.Load();

        [RuntimeExport("ks_interrupt")]
        private static void Dispatch(InterruptFrame* frame)
        {
            FaultReport.Halt(frame);
        }
    }
}
