// What arrives on the console UART, buffered by the receive interrupt so that
// typing during a long command is not lost: a 4 KiB ring with one producer
// (the interrupt handler) and one consumer (the shell).
// Invariants: only OnReceived advances the head and only TryRead advances the
// tail; the ring is empty when they are equal and holds at most Capacity - 1
// bytes. A byte that finds the ring full is dropped and counted (Dropped); a
// byte the UART itself lost is counted (HardwareOverruns). Nothing is lost
// without a count.
// Ctrl-C (0x03) is also latched as a cancel request, which long-running
// commands poll; the shell clears it before each command. Ctrl-T (0x14) is
// not input at all: it latches a request for the thread table, which StatusKey on the next
// tick prints even while a command runs or the shell is stuck. Every other
// arrival raises Arrived, which the shell waits on when the ring is empty.
using System.Threading;

namespace KernelStress.Kernel.Console
{
    internal static class UartInput
    {
        private const int Capacity = 4096;
        private const byte CtrlC = 0x03;
        private const byte CtrlT = 0x14;

        private static RingStorage s_ring;
        private static int s_head;
        private static int s_tail;
        private static ulong s_received;
        private static ulong s_dropped;
        private static ulong s_hardwareOverruns;
        private static bool s_cancelRequested;
        private static bool s_statusRequested;

        // Raised by every arriving byte (Scheduling.Signal: latched, so none is missed).
        public static Scheduling.Signal Arrived;

        [System.Runtime.CompilerServices.InlineArray(Capacity)]
        private struct RingStorage
        {
            private byte _byte;
        }

        public static ulong Received => Volatile.Read(ref s_received);

        public static ulong Dropped => Volatile.Read(ref s_dropped);

        public static ulong HardwareOverruns => Volatile.Read(ref s_hardwareOverruns);

        // Interrupt context.
        public static void OnReceived(byte value)
        {
            s_received++;
            if (value == CtrlT)
            {
                Volatile.Write(ref s_statusRequested, true);
                return;
            }
            if (value == CtrlC)
                Volatile.Write(ref s_cancelRequested, true);
            int head = s_head;
            int next = (head + 1) % Capacity;
            if (next == Volatile.Read(ref s_tail))
            {
                s_dropped++;
                return;
            }
            s_ring[head] = value;
            Volatile.Write(ref s_head, next);
            Scheduling.Scheduler.Raise(ref Arrived);
        }

        // Interrupt context.
        public static void OnHardwareOverrun() => s_hardwareOverruns++;

        public static bool TryRead(out byte value)
        {
            int tail = s_tail;
            if (tail == Volatile.Read(ref s_head))
            {
                value = 0;
                return false;
            }
            value = s_ring[tail];
            Volatile.Write(ref s_tail, (tail + 1) % Capacity);
            return true;
        }

        // True from the arrival of a Ctrl-C until ClearCancel.
        public static bool CancelRequested => Volatile.Read(ref s_cancelRequested);

        public static void ClearCancel() => Volatile.Write(ref s_cancelRequested, false);

        // Ctrl-T arrived and StatusKey has not printed the table for it yet.
        public static bool StatusRequested => Volatile.Read(ref s_statusRequested);

        public static void ClearStatusRequest() => Volatile.Write(ref s_statusRequested, false);
    }
}
