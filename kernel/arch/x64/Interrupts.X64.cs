// x86-64 twin of arch/Interrupts.cs. Every vector enters ks_interrupt with the
// frame arch/x64/interrupts.s built, with interrupts disabled (interrupt gates).
// Vectors 0-31 are CPU exceptions: reported, then the faulting thread is
// killed if it is sacrificial, else the kernel halts (FaultReport); vector 2,
// the NMI, is the watchdog asking a stalled CPU where it is. The local
// APIC timer ticks (on every CPU), the reschedule and TLB-shootdown IPIs come
// from other CPUs, the UART's receive interrupt (boot CPU) fills UartInput; the APIC's
// spurious vector needs no end-of-interrupt; anything else is counted as
// unexpected and acknowledged.
using System.Runtime;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Time;

namespace KernelStress.Kernel.Arch
{
    internal static unsafe partial class Interrupts
    {
        private const ulong FirstDeviceVector = 32;
        private const ulong NonMaskableVector = 2;

        private static ulong s_unexpected;

        // The TSS first: the IDT's fault gates name its IST stacks.
        public static partial void Initialize()
        {
            Gdt.LoadOnThisCpu(0);
            Idt.Load();
        }

        public static partial ulong UnexpectedCount() => s_unexpected;

        [RuntimeExport("ks_interrupt")]
        private static void Dispatch(ExceptionFrame* frame)
        {
            ulong vector = frame->Vector;
            if (vector == NonMaskableVector)
            {
                // Only the watchdog sends NMIs: report where this CPU is and go on.
                Watchdog.Watchdog.OnStateRequested(Processors.CurrentIndex(), frame->Rip, frame->Rsp);
                return;
            }
            if (vector < FirstDeviceVector)
                FaultReport.Handle(frame);
            else if (vector == LocalApic.TimerVector)
            {
                Ticks.OnTick();
                LocalApic.EndOfInterrupt();
            }
            else if (vector == LocalApic.RescheduleVector)
            {
                // The sender set this CPU's NeedReschedule: PreemptIfRequested below acts on it.
                Scheduler.OnSignalReceived();
                LocalApic.EndOfInterrupt();
            }
            else if (vector == LocalApic.TlbShootdownVector)
            {
                Paging.OnShootdown();
                LocalApic.EndOfInterrupt();
            }
            else if (vector == Uart.ReceiveVector)
            {
                Uart.DrainReceived();
                LocalApic.EndOfInterrupt();
            }
            else if (vector != LocalApic.SpuriousVector)
            {
                s_unexpected++;
                LocalApic.EndOfInterrupt();
            }
            // The scheduler's preemption point: may switch threads and return later.
            Scheduler.PreemptIfRequested();
        }
    }
}
