// Every portable self-test case (what `selftest prng` runs in the kernel)
// also passes on the host, and the table is well-formed for KTAP.
using System;
using System.Collections.Generic;
using System.Text;
using Xunit;

namespace KernelStress.Prng.Tests;

public class SelfTestTests
{
    public static IEnumerable<object[]> Cases()
    {
        for (int i = 0; i < PrngSelfTest.Count; i++)
        {
            yield return [i, Encoding.ASCII.GetString(PrngSelfTest.Name(i))];
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_passes_on_the_host(int index, string name)
    {
        bool ok = PrngSelfTest.Run(index, out ReadOnlySpan<byte> reason);
        Assert.True(ok, name + ": " + Encoding.ASCII.GetString(reason));
        Assert.True(reason.IsEmpty);
    }

    [Fact]
    public void Names_are_unique_snake_case_ascii()
    {
        var names = new HashSet<string>();
        for (int i = 0; i < PrngSelfTest.Count; i++)
        {
            string name = Encoding.ASCII.GetString(PrngSelfTest.Name(i));
            Assert.Matches("^[a-z][a-z0-9_]*$", name);
            Assert.True(names.Add(name), name);
        }
    }

    [Fact]
    public void Unknown_index_fails_with_a_reason()
    {
        Assert.False(PrngSelfTest.Run(PrngSelfTest.Count, out ReadOnlySpan<byte> reason));
        Assert.False(reason.IsEmpty);
        Assert.True(PrngSelfTest.Name(-1).IsEmpty);
    }
}
