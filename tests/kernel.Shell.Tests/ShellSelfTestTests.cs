// The kernel's `selftest shell` table, run on the host.
using System.Linq;
using Xunit;

namespace KernelStress.Shell.Tests;

public class ShellSelfTestTests
{
    public static TheoryData<int> Indices()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < ShellSelfTest.Count; i++)
        {
            data.Add(i);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Indices))]
    public void Every_check_passes(int index)
    {
        bool passed = ShellSelfTest.Run(index, out System.ReadOnlySpan<byte> reason);
        Assert.True(passed, Latin1.Text(ShellSelfTest.Name(index)) + ": " + Latin1.Text(reason));
        Assert.True(reason.IsEmpty);
    }

    [Fact]
    public void Checks_pass_again_when_run_twice_in_any_order()
    {
        for (int i = ShellSelfTest.Count - 1; i >= 0; i--)
        {
            Assert.True(ShellSelfTest.Run(i, out _), Latin1.Text(ShellSelfTest.Name(i)));
        }
    }

    [Fact]
    public void Names_are_unique_KTAP_friendly_identifiers()
    {
        string[] names = Enumerable.Range(0, ShellSelfTest.Count).Select(i => Latin1.Text(ShellSelfTest.Name(i))).ToArray();
        Assert.All(names, name => Assert.Matches("^[a-z0-9_]+$", name));
        Assert.Equal(names.Length, names.Distinct().Count());
    }

    [Fact]
    public void Out_of_range_indices_have_no_name_and_fail()
    {
        Assert.True(ShellSelfTest.Name(ShellSelfTest.Count).IsEmpty);
        Assert.True(ShellSelfTest.Name(-1).IsEmpty);
        Assert.False(ShellSelfTest.Run(ShellSelfTest.Count, out System.ReadOnlySpan<byte> reason));
        Assert.Equal("no such check", Latin1.Text(reason));
    }
}
