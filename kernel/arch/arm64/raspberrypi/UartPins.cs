// GPIO 14 (TXD0) and 15 (RXD0) to alternate function 0, which connects them to
// the PL011 (BCM2835 ARM Peripherals 6.2; the same on BCM2711). The firmware
// may have given them to the mini UART or Bluetooth; config.txt's
// dtoverlay=disable-bt frees the PL011, and this makes the pins follow.
namespace KernelStress.Kernel.Arch
{
    internal static class UartPins
    {
        private const nuint Gpio = 0x20_0000;
        private const nuint FunctionSelect1 = 0x04;     // GPFSEL1: pins 10-19, 3 bits each
        private const uint Alt0 = 0b100;

        public static void RouteToPl011(nuint peripherals)
        {
            nuint select = peripherals + Gpio + FunctionSelect1;
            uint value = Mmio.Read(select);
            value &= ~((7u << 12) | (7u << 15));
            value |= (Alt0 << 12) | (Alt0 << 15);
            Mmio.Write(select, value);
        }
    }
}
