// The 8254 PIT, used once at boot to measure the TSC rate: channel 2 counts
// down from a known value at 1.193182 MHz with its gate driven by port 0x61,
// and we count TSC ticks until its output goes high.
// Anything that delays us (under QEMU: the host descheduling the vCPU) can
// only make a window look longer, never shorter, so the shortest of several
// windows is the best estimate.
namespace KernelStress.Kernel.Arch
{
    internal static class Pit
    {
        private const ulong InputHz = 1193182;
        private const ushort Channel2Data = 0x42;
        private const ushort Command = 0x43;
        private const ushort GateControl = 0x61;
        // 5966 ticks of 1.193182 MHz = 5.0 ms.
        private const ushort CalibrationTicks = 5966;
        private const int Windows = 5;

        public static ulong MeasureTscHz()
        {
            ulong shortest = ulong.MaxValue;
            for (int i = 0; i < Windows; i++)
                shortest = System.Math.Min(shortest, MeasureWindow());
            return shortest * InputHz / CalibrationTicks;
        }

        // TSC ticks during one countdown of CalibrationTicks.
        private static ulong MeasureWindow()
        {
            // Gate on, speaker off; channel 2, lobyte/hibyte, mode 0 (interrupt on terminal count).
            PortIo.Out8(GateControl, (byte)((PortIo.In8(GateControl) & 0xFC) | 0x01));
            PortIo.Out8(Command, 0xB0);
            PortIo.Out8(Channel2Data, (byte)(CalibrationTicks & 0xFF));
            PortIo.Out8(Channel2Data, (byte)(CalibrationTicks >> 8));

            // Writing the count restarts the countdown; bit 5 of port 0x61 is the
            // channel 2 output, high once the count reaches zero.
            ulong start = Cpu.ReadCycleCounter();
            while ((PortIo.In8(GateControl) & 0x20) == 0)
            {
            }
            return Cpu.ReadCycleCounter() - start;
        }
    }
}
