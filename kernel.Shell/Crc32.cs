// CRC-32 as in IEEE 802.3 and zlib (reflected polynomial 0xEDB88320, initial value and final xor
// 0xFFFFFFFF): the checksum in the "@@KS1 <len> <crc32> <json>" record frame.
// Computed bit by bit, with no table and so no static state: a record is at most a few KiB and the
// UART that carries it is far slower than this loop.
using System;

namespace KernelStress.Shell;

public static class Crc32
{
    private const uint ReflectedPolynomial = 0xEDB88320;

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        for (int i = 0; i < data.Length; i++)
        {
            crc ^= data[i];
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc >> 1) ^ (ReflectedPolynomial & (0u - (crc & 1)));
            }
        }
        return ~crc;
    }
}
