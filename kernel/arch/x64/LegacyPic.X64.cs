// The two 8259 PICs of the PC. We use the local APIC instead, but the PICs
// power up delivering IRQ 0-7 on vectors 8-15, on top of CPU exceptions. So
// they are first remapped to vectors 0x20-0x2F (ICW1-ICW4) and then fully
// masked; a spurious IRQ from them then lands on a harmless vector.
namespace KernelStress.Kernel.Arch
{
    internal static class LegacyPic
    {
        private const ushort MasterCommand = 0x20, MasterData = 0x21;
        private const ushort SlaveCommand = 0xA0, SlaveData = 0xA1;

        public static void RemapAndMask()
        {
            PortIo.Out8(MasterCommand, 0x11);   // ICW1: initialise, ICW4 follows
            PortIo.Out8(SlaveCommand, 0x11);
            PortIo.Out8(MasterData, 0x20);      // ICW2: master vectors 0x20-0x27
            PortIo.Out8(SlaveData, 0x28);       //       slave vectors 0x28-0x2F
            PortIo.Out8(MasterData, 0x04);      // ICW3: slave on IRQ 2
            PortIo.Out8(SlaveData, 0x02);
            PortIo.Out8(MasterData, 0x01);      // ICW4: 8086 mode
            PortIo.Out8(SlaveData, 0x01);
            PortIo.Out8(MasterData, 0xFF);      // mask every line
            PortIo.Out8(SlaveData, 0xFF);
        }
    }
}
