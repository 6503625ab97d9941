// The 8254 PIT, used once at boot to measure the TSC rate: channel 2 counts
// down from a known value at 1.193182 MHz with its gate driven by port 0x61,
// and we count TSC ticks until its output goes high.
namespace KernelStress.Kernel.Arch
{
    internal static class Pit
    {
        private const ulong InputHz = 1193182;
        private const ushort Channel2Data = 0x42;
        private const ushort Command = 0x43;
        private const ushort GateControl = 0x61;
        // 11932 ticks of 1.193182 MHz = 10.0 ms.
        private const ushort CalibrationTicks = 11932;

        public static ulong MeasureTscHz()
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
            ulong elapsed = Cpu.ReadCycleCounter() - start;
            return elapsed * InputHz / CalibrationTicks;
        }
    }
}
