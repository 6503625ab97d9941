// AArch64 twin of arch/Interrupts.cs. VBAR_EL1 points at arch/arm64/vectors.s,
// which enters ks_exception with an ExceptionFrame and IRQs masked (taking an
// exception sets DAIF). Slot 5 (IRQ, current EL) goes to the board's interrupt
// controller; slot 6 (FIQ) is only the watchdog's ReportState signal, arm64's
// stand-in for x64's NMI: it reaches a CPU whose IRQs are masked, so it may
// interrupt code holding any lock, and it only records where the CPU was (no
// preemption). Every other slot is a CPU exception, reported by FaultReport
// (the faulting thread is killed if it is sacrificial, else the kernel halts).
using System.Runtime;
using System.Threading;
using KernelStress.Kernel.Scheduling;

namespace KernelStress.Kernel.Arch
{
    internal static unsafe partial class Interrupts
    {
        private const ulong IrqSlot = 5;
        private const ulong FiqSlot = 6;

        private static ulong s_unexpected;

        public static partial void Initialize()
        {
            ks_set_vector_base();
            Board.InitializeInterruptController();
        }

        // A further CPU: the same vectors, and its own interface to the controller.
        public static void InitializeOnThisCpu()
        {
            ks_set_vector_base();
            Board.InitializeInterruptsOnThisCpu();
        }

        public static partial ulong UnexpectedCount() => Volatile.Read(ref s_unexpected);

        // Interrupt context, from the board's dispatcher, on any CPU.
        public static void CountUnexpected() => Interlocked.Increment(ref s_unexpected);

        [RuntimeExport("ks_exception")]
        private static void Dispatch(ExceptionFrame* frame)
        {
            if (frame->Slot == FiqSlot)
            {
                Board.HandleFastInterrupt(frame);
                return;
            }
            Tracing.KernelTrace.InterruptEnter(frame->Slot);
            if (frame->Slot != IrqSlot)
                FaultReport.Handle(frame);
            else
                Board.HandleInterrupts(frame);
            Tracing.KernelTrace.InterruptExit(frame->Slot);
            // The scheduler's preemption point: may switch threads and return later.
            Scheduler.PreemptIfRequested();
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall), RuntimeImport("*", "ks_set_vector_base")]
        private static extern void ks_set_vector_base();
    }
}
