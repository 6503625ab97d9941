// The boot CPU's local APIC (xAPIC, MMIO at the address IA32_APIC_BASE holds,
// 0xFEE00000 on QEMU's pc machine, in the cache-disabled top GiB of boot.s's
// identity map). Used for the periodic timer tick and end-of-interrupt.
// The timer counts down at the bus clock / divider; its rate is measured once
// against the already-calibrated cycle counter.
using System.Threading;
using KernelStress.Kernel.Time;

namespace KernelStress.Kernel.Arch
{
    internal static unsafe class LocalApic
    {
        public const byte TimerVector = 0x20;
        public const byte SpuriousVector = 0xFF;

        // The boot CPU's APIC id (0 on QEMU); device interrupts are routed to it.
        public const byte BootCpuId = 0;

        private const ulong GlobalEnable = 1UL << 11;
        private const uint Eoi = 0xB0;
        private const uint SpuriousInterrupt = 0xF0;
        private const uint SoftwareEnable = 1u << 8;
        private const uint LvtTimer = 0x320;
        private const uint TimerPeriodic = 1u << 17;
        private const uint LvtMasked = 1u << 16;
        private const uint TimerInitialCount = 0x380;
        private const uint TimerCurrentCount = 0x390;
        private const uint TimerDivide = 0x3E0;
        private const uint DivideBy16 = 0x3;
        private const ulong CalibrationNanoseconds = 5_000_000;
        private const int CalibrationWindows = 3;

        private static ulong s_base;

        public static void Enable()
        {
            ulong apicBase = Msr.Read(Msr.ApicBase);
            s_base = apicBase & 0xFFFFF000UL;
            Msr.Write(Msr.ApicBase, apicBase | GlobalEnable);
            Write(SpuriousInterrupt, SoftwareEnable | SpuriousVector);
        }

        // Starts the periodic timer at the given rate; returns the timer
        // ticks per second it measured. As with the PIT (Pit.X64.cs), a delay
        // can only lengthen a measuring window, so the shortest of several
        // windows counts.
        public static ulong StartPeriodicTimer(uint hz)
        {
            Write(TimerDivide, DivideBy16);
            Write(LvtTimer, LvtMasked | TimerVector);
            ulong fewest = ulong.MaxValue;
            for (int i = 0; i < CalibrationWindows; i++)
                fewest = System.Math.Min(fewest, MeasureWindow());
            ulong timerHz = fewest * (1_000_000_000UL / CalibrationNanoseconds);

            Write(TimerInitialCount, 0);
            Write(LvtTimer, TimerPeriodic | TimerVector);
            Write(TimerInitialCount, (uint)(timerHz / hz));
            return timerHz;
        }

        // Timer counts in one CalibrationNanoseconds window of the clock.
        private static ulong MeasureWindow()
        {
            Write(TimerInitialCount, 0xFFFFFFFF);
            ulong deadline = Clock.NowNanoseconds + CalibrationNanoseconds;
            while (Clock.NowNanoseconds < deadline)
                Cpu.SpinWaitHint();
            return 0xFFFFFFFFUL - Read(TimerCurrentCount);
        }

        public static void EndOfInterrupt() => Write(Eoi, 0);

        // Device registers: volatile, so every access reaches the hardware in program order.
        private static void Write(uint register, uint value) => Volatile.Write(ref *(uint*)(s_base + register), value);

        private static uint Read(uint register) => Volatile.Read(ref *(uint*)(s_base + register));
    }
}
