// A SpinLock that traces holds longer than KernelTrace.HeapLockThresholdNs
// (kind HeapLock) while that kind is on; the kernel heap's lock is one. The
// acquire time is kept in the lock and written only by its holder. With the
// kind off it costs one load of the mask per Acquire and per Release.
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Sync;

namespace KernelStress.Kernel.Tracing
{
    internal struct TimedSpinLock
    {
        private SpinLock _lock;
        private ulong _acquiredCycles;

        public bool Acquire()
        {
            bool interruptsWereEnabled = _lock.Acquire();
            _acquiredCycles = KernelTrace.IsOn(TraceKind.HeapLock) ? Cpu.ReadCycleCounter() : 0;
            return interruptsWereEnabled;
        }

        public void Release(bool interruptsWereEnabled)
        {
            if (_acquiredCycles != 0)
            {
                ulong now = Cpu.ReadCycleCounter();
                if (now - _acquiredCycles > KernelTrace.HeapLockThresholdCycles)
                    KernelTrace.HeapLockHeld(now, now - _acquiredCycles);
            }
            _lock.Release(interruptsWereEnabled);
        }
    }
}
