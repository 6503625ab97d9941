// Each CPU's local APIC (xAPIC, MMIO at the address IA32_APIC_BASE holds,
// 0xFEE00000 on QEMU's pc machine, in the cache-disabled top GiB of boot.s's
// identity map; every CPU sees its own APIC at that same address). Used for
// the periodic timer tick, end-of-interrupt and inter-processor interrupts.
// The timer counts down at the bus clock / divider; its rate is measured once,
// on the boot CPU, against the already-calibrated cycle counter, and the other
// CPUs' timers reuse it (they share the bus clock).
using System.Threading;
using KernelStress.Kernel.Time;

namespace KernelStress.Kernel.Arch
{
    internal static unsafe class LocalApic
    {
        public const byte TimerVector = 0x20;
        public const byte RescheduleVector = 0xF0;
        public const byte TlbShootdownVector = 0xF1;
        public const byte SpuriousVector = 0xFF;

        // The boot CPU's APIC id (0 on QEMU); device interrupts are routed to it.
        public const byte BootCpuId = 0;

        private const uint IdRegister = 0x20;
        private const uint InterruptCommandLow = 0x300;
        private const uint InterruptCommandHigh = 0x310;
        private const uint DeliveryPending = 1u << 12;
        private const uint LevelAssert = 1u << 14;
        private const uint DeliveryFixed = 0u << 8;
        private const uint DeliveryNmi = 4u << 8;
        private const uint DeliveryInit = 5u << 8;
        private const uint DeliveryStartup = 6u << 8;

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
        private static ulong s_timerHz;

        public static ulong Id() => Read(IdRegister) >> 24;

        // INIT (level assert) to the APIC with this id: the CPU waits for STARTUP.
        public static void SendInit(ulong apicId) => SendCommand(apicId, DeliveryInit | LevelAssert);

        // STARTUP: the CPU begins in real mode at page `vector` (vector * 4096).
        public static void SendStartup(ulong apicId, uint vector) => SendCommand(apicId, DeliveryStartup | LevelAssert | vector);

        public static void SendFixed(ulong apicId, byte vector) => SendCommand(apicId, DeliveryFixed | LevelAssert | vector);

        // A non-maskable interrupt (vector 2), taken even with interrupts off.
        public static void SendNmi(ulong apicId) => SendCommand(apicId, DeliveryNmi | LevelAssert);

        // Interrupts are off while the command is written (ICR high then low) so
        // an interrupt handler sending its own IPI cannot interleave its writes.
        private static void SendCommand(ulong apicId, uint command)
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            while ((Read(InterruptCommandLow) & DeliveryPending) != 0)
                Cpu.SpinWaitHint();
            Write(InterruptCommandHigh, (uint)apicId << 24);
            Write(InterruptCommandLow, command);
            if (interrupts)
                Cpu.EnableInterrupts();
        }

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
            s_timerHz = fewest * (1_000_000_000UL / CalibrationNanoseconds);
            StartCalibratedTimer(hz);
            return s_timerHz;
        }

        // This CPU's timer at the rate the boot CPU measured.
        public static void StartCalibratedTimer(uint hz)
        {
            Write(TimerDivide, DivideBy16);
            Write(TimerInitialCount, 0);
            Write(LvtTimer, TimerPeriodic | TimerVector);
            Write(TimerInitialCount, (uint)(s_timerHz / hz));
        }

        // The TSC value at which this CPU's periodic timer next reaches zero (and
        // interrupts): now plus the remaining count converted at the measured
        // rates. Read back to back with interrupts off; the error is the few
        // nanoseconds between the two reads plus one timer count (16 bus cycles).
        public static ulong NextTimerExpiry()
        {
            ulong remaining = Read(TimerCurrentCount);
            ulong now = Cpu.ReadCycleCounter();
            return now + remaining * Time.Clock.CounterHz / s_timerHz;
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
