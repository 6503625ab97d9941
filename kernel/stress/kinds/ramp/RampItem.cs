// One item of the ramp pipeline: a 64-byte kernel-heap block the producer
// fills and checksums and a consumer validates and frees.
// Layout: [0] u32 CRC-32 of bytes 4..56, [4] u32 level index, [8] u64
// sequence number, [16..56) payload derived from the sequence number, [56]
// u64 injection time (outside the checksum: it is read, not validated).
using KernelStress.Kernel.Memory;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Ramp
{
    internal static unsafe class RampItem
    {
        public const uint Size = 64;
        private const int CheckedOffset = 4;
        private const int CheckedLength = 52;
        private const int PayloadWords = 5;

        // A filled item, or 0 when the heap is out of memory.
        public static nuint Create(ulong sequence, uint level, ulong nowNs)
        {
            nuint block = KernelHeap.Allocate(Size, 0);
            if (block == 0)
                return 0;
            byte* item = (byte*)block;
            *(uint*)(item + 4) = level;
            *(ulong*)(item + 8) = sequence;
            ulong word = sequence * 0x9E3779B97F4A7C15UL + 1;
            for (int i = 0; i < PayloadWords; i++)
            {
                word ^= word << 13;
                word ^= word >> 7;
                word ^= word << 17;
                *(ulong*)(item + 16 + i * 8) = word;
            }
            *(ulong*)(item + 56) = nowNs;
            *(uint*)item = Checksum(item);
            return block;
        }

        public static bool Valid(nuint block) => *(uint*)block == Checksum((byte*)block);

        public static ulong Sequence(nuint block) => *(ulong*)(block + 8);

        public static uint Level(nuint block) => *(uint*)(block + 4);

        public static ulong InjectedNs(nuint block) => *(ulong*)(block + 56);

        private static uint Checksum(byte* item) => Crc32.Compute(new System.ReadOnlySpan<byte>(item + CheckedOffset, CheckedLength));
    }
}
