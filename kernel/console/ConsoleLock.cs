// The console's lock: one CPU at a time writes to the UART, so a record line is
// never split by another CPU's output and records leave in seq order. It is a
// spinlock with interrupts disabled while held, taken again by the CPU that
// holds it without deadlock (a record's End writes through the same sink that
// took the lock in Begin), released when the outermost Exit runs.
// TryEnterWithin bounds the wait for a panic, which must get its last words
// out even when another CPU stopped while holding the console.
using System.Threading;
using KernelStress.Kernel.Arch;

namespace KernelStress.Kernel.Console
{
    internal struct ConsoleLock
    {
        private int _owner;          // CPU index + 1, 0 when free
        private int _depth;
        private bool _interruptsWereEnabled;

        public bool IsHeldByThisCpu => Volatile.Read(ref _owner) == Processors.CurrentIndex() + 1;

        public void Enter() => TryEnterWithin(ulong.MaxValue);

        // False when another CPU still held it after `spins` tries.
        public bool TryEnterWithin(ulong spins)
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            int me = Processors.CurrentIndex() + 1;
            if (Volatile.Read(ref _owner) == me)
            {
                _depth++;
                return true;
            }
            for (ulong i = 0; Interlocked.CompareExchange(ref _owner, me, 0) != 0; i++)
            {
                if (i >= spins)
                {
                    if (interrupts)
                        Cpu.EnableInterrupts();
                    return false;
                }
                Cpu.SpinWaitHint();
            }
            _depth = 1;
            _interruptsWereEnabled = interrupts;
            return true;
        }

        // How long interrupt context waits for the console before it gives up
        // and tries again on a later tick: far shorter than a tick.
        private const ulong InterruptWaitSpins = 100_000;

        // For interrupt context: a bounded wait, and false when this CPU already
        // holds the lock (the interrupted code is mid-line or mid-record, and
        // output now would land inside it).
        public bool TryEnterFromInterrupt() => !IsHeldByThisCpu && TryEnterWithin(InterruptWaitSpins);

        public void Exit()
        {
            if (--_depth > 0)
                return;
            bool interrupts = _interruptsWereEnabled;
            Volatile.Write(ref _owner, 0);
            if (interrupts)
                Cpu.EnableInterrupts();
        }
    }
}
