// Known-answer vectors from the published definitions. The reference values
// come from the authors' C code, compiled with gcc:
//   xorshift64  (Marsaglia 2003): x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x;
//   xorshift64* (Vigna 2016):     x ^= x >> 12; x ^= x << 25; x ^= x >> 27; return x * 0x2545F4914F6CDD1D;
//   splitmix64  (Vigna):          z = (x += 0x9e3779b97f4a7c15); z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
//                                 z = (z ^ (z >> 27)) * 0x94d049bb133111eb; return z ^ (z >> 31);
// The xorshift64 vector from Marsaglia's example seed 88172645463325252 and the
// splitmix64 vector from seed 1234567 are also those other implementations test against.
using Xunit;

namespace KernelStress.Prng.Tests;

public class KnownAnswerTests
{
    [Fact]
    public void Xorshift64_matches_Marsaglia_from_his_example_seed()
    {
        var g = new Xorshift64(88172645463325252);
        ulong[] expected =
        [
            8748534153485358512, 3040900993826735515, 3453997556048239312,
            16431732851926010853, 8204724074003728306,
        ];
        foreach (ulong e in expected)
        {
            Assert.Equal(e, g.NextU64());
        }
    }

    [Theory]
    [InlineData(1UL, new ulong[] { 5180492295206395165, 12380297144915551517, 13389498078930870103, 5599127315341312413, 1036278371763004928 })]
    [InlineData(88172645463325252UL, new ulong[] { 16620430977058721579, 12052379865695375093, 11451962570540714196, 322077897233982713, 4728786795099772293 })]
    [InlineData(ulong.MaxValue, new ulong[] { 17954947803125907456 })]
    public void Xorshift64Star_matches_Vigna_reference(ulong seed, ulong[] expected)
    {
        var g = new Xorshift64Star(seed);
        foreach (ulong e in expected)
        {
            Assert.Equal(e, g.NextU64());
        }
    }

    [Theory]
    [InlineData(0UL, new ulong[] { 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F, 0xF88BB8A8724C81EC, 0x1B39896A51A8749B })]
    [InlineData(1234567UL, new ulong[] { 6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821 })]
    public void SplitMix64_matches_Vigna_reference(ulong seed, ulong[] expected)
    {
        var g = new SplitMix64(seed);
        foreach (ulong e in expected)
        {
            Assert.Equal(e, g.NextU64());
        }
    }

    [Fact]
    public void Zero_seed_is_replaced_by_Marsaglias_seed()
    {
        var zero = new Xorshift64(0);
        var marsaglia = new Xorshift64(88172645463325252);
        var zeroStar = new Xorshift64Star(0);
        var marsagliaStar = new Xorshift64Star(88172645463325252);
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(marsaglia.NextU64(), zero.NextU64());
            Assert.Equal(marsagliaStar.NextU64(), zeroStar.NextU64());
        }
    }

    [Fact]
    public void NextU32_is_the_high_half_of_the_next_draw()
    {
        var a = new Xorshift64Star(5);
        var b = new Xorshift64Star(5);
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal((uint)(b.NextU64() >> 32), a.NextU32());
        }
    }
}
