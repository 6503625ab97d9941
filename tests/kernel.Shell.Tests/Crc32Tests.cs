// Crc32 against the standard check value and System.IO.Hashing.
using CsCheck;
using Xunit;

namespace KernelStress.Shell.Tests;

public class Crc32Tests
{
    [Fact]
    public void The_check_value_of_123456789_is_cbf43926()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.Equal(0u, Crc32.Compute(default));
    }

    [Fact]
    public void Matches_System_IO_Hashing_for_any_bytes() =>
        Gen.Byte.Array[0, 2000].Sample(bytes => Crc32.Compute(bytes) == System.IO.Hashing.Crc32.HashToUInt32(bytes));
}
