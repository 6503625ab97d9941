// The VideoCore firmware's mailbox, property channel (8): the ARM side writes
// the address of a 16-byte-aligned message buffer (channel in the low 4 bits)
// to the WRITE register and polls READ until the same word comes back, with
// the firmware's answers written into the buffer (raspberrypi/firmware wiki,
// "Mailbox property interface"). The buffer is cached memory the VideoCore
// reads and writes behind the CPU's back, so it is cleaned to memory before
// the call and invalidated after. Used by the Raspberry Pi boards (rpi3, rpi4)
// with their peripheral base; runs before statics exist.
using System.Runtime;
using System.Runtime.CompilerServices;

namespace KernelStress.Kernel.Arch
{
    internal static unsafe class VideoCoreMailbox
    {
        private const nuint Mailbox = 0xB880;
        private const nuint Read = 0x00, Status = 0x18, Write = 0x20;
        private const uint Full = 0x8000_0000, Empty = 0x4000_0000;
        private const uint PropertyChannel = 8;
        private const uint Request = 0, ResponseOk = 0x8000_0000;
        private const uint GetBoardRevision = 0x0001_0002;  // answers u32 revision code
        private const uint GetArmMemory = 0x0001_0005;      // answers u32 base, u32 size in bytes
        private const int MessageWords = 8;                 // size, code, one tag of two value words, end tag

        // The RAM the firmware leaves to the ARM cores below 1 GiB (the rest of
        // that GiB is the GPU's); false when the firmware did not answer.
        public static bool TryGetArmMemory(nuint peripherals, out ulong start, out ulong size)
        {
            uint* values = stackalloc uint[2];
            bool answered = TryQuery(peripherals, GetArmMemory, values);
            start = values[0];
            size = values[1];
            return answered && size != 0;
        }

        // The board's revision code (BoardRevision decodes it); false when the
        // firmware did not answer.
        public static bool TryGetBoardRevision(nuint peripherals, out uint revision)
        {
            uint* values = stackalloc uint[2];
            bool answered = TryQuery(peripherals, GetBoardRevision, values);
            revision = values[0];
            return answered;
        }

        // One tag with up to two answer words, which land in `values`.
        private static bool TryQuery(nuint peripherals, uint tag, uint* values)
        {
            uint* space = stackalloc uint[MessageWords + 4];
            uint* message = (uint*)(((nuint)space + 15) & ~(nuint)15);
            message[0] = MessageWords * 4;  // buffer size in bytes
            message[1] = Request;
            message[2] = tag;
            message[3] = 8;                 // value buffer size
            message[4] = 0;                 // request
            message[5] = 0;
            message[6] = 0;
            message[7] = 0;                 // end tag
            ks_dcache_clean_invalidate((nuint)message, MessageWords * 4);
            nuint box = peripherals + Mailbox;
            while ((Mmio.Read(box + Status) & Full) != 0)
            {
            }
            uint word = (uint)(nuint)message | PropertyChannel;
            Mmio.Write(box + Write, word);
            while ((Mmio.Read(box + Status) & Empty) != 0 || Mmio.Read(box + Read) != word)
            {
            }
            ks_dcache_clean_invalidate((nuint)message, MessageWords * 4);
            values[0] = message[5];
            values[1] = message[6];
            return message[1] == ResponseOk;
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_dcache_clean_invalidate")]
        private static extern void ks_dcache_clean_invalidate(nuint start, nuint bytes);
    }
}
