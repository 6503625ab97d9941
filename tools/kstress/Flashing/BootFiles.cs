using System;
using KernelStress.Tool.Building;

namespace KernelStress.Tool.Flashing;

/// <summary>
/// What goes on a Raspberry Pi's FAT boot partition next to the firmware: kernel8.img (the flat
/// image of the board's kernel build), config.txt for the firmware, and a README with the wiring.
/// Settings are from the firmware's documentation (raspberrypi.com, "config.txt").
/// </summary>
public static class BootFiles
{
    /// <summary>config.txt: 64-bit, UART0 on GPIO 14/15 at the clock the kernel's divisor assumes, image at 0x80000.</summary>
    public static string ConfigTxt(KernelTarget target)
    {
        string board = BoardName(target);
        string gic = target.Board == "rpi4"
            ? "\n# The kernel takes interrupts through the GIC-400 (the BCM2711's legacy controller is not used).\nenable_gic=1\n"
            : "";
        return $"""
            # KernelStress on a {board} (written by ./kstress flash --board {target.Board}).
            # Start the cores in AArch64 and load kernel8.img at 0x80000, where it is linked.
            arm_64bit=1
            kernel=kernel8.img
            kernel_address=0x80000
            # The console: the PL011 (UART0) on GPIO 14/15. enable_uart turns the UART pins on,
            # disable-bt takes the PL011 back from Bluetooth, and the kernel's baud divisor
            # (115200 8N1) assumes a 48 MHz UART clock.
            enable_uart=1
            dtoverlay=disable-bt
            init_uart_clock=48000000
            {gic}
            """.Replace("\r\n", "\n");
    }

    public static string Readme(KernelTarget target)
    {
        string board = BoardName(target);
        string firmware = target.Board == "rpi4"
            ? "start4.elf and fixup4.dat"
            : "bootcode.bin, start.elf and fixup.dat";
        return $"""
            KernelStress for the {board}
            {new string('=', 21 + board.Length)}

            Files here: kernel8.img (the kernel), config.txt (firmware settings), this README.

            SD card: one FAT32 partition holding the Raspberry Pi firmware ({firmware}, from
            https://github.com/raspberrypi/firmware/tree/master/boot) and the files here.

            Wiring (a 3.3 V USB serial cable; never 5 V on these pins):
              Pi GPIO 14 = TXD0, header pin 8   ->  cable RX
              Pi GPIO 15 = RXD0, header pin 10  ->  cable TX
              Pi GND,            header pin 6   ->  cable GND
              Leave the cable's VCC/5V wire unconnected; power the Pi from its own supply.

            Serial settings: 115200 baud, 8 data bits, no parity, 1 stop bit (8N1), no flow control.

            Use it:
              ./kstress serial --port /dev/ttyUSB0 -c "selftest" -c "mem" --json out.json
            then power on (or reset) the Pi within a minute; or by hand:
              picocom -b 115200 /dev/ttyUSB0
            and type at the ks> prompt. 'poweroff' halts the board through the watchdog (the
            firmware's halt partition); power-cycle it to boot again.

            """.Replace("\r\n", "\n");
    }

    private static string BoardName(KernelTarget target) => target.Board switch
    {
        "rpi3" => "Raspberry Pi 3 (BCM2837)",
        "rpi4" => "Raspberry Pi 4 (BCM2711)",
        _ => throw new ArgumentException($"not a Raspberry Pi board: {target.Board}", nameof(target)),
    };
}
