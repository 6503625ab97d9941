// The bucket layout: every value lands in a bucket whose bounds contain it and
// whose reported value is within 1% of it, over the whole ulong range.
using CsCheck;
using Xunit;

namespace KernelStress.Metrics.Tests;

public class BucketTests
{
    private static readonly Gen<ulong> AnyMagnitude =
        Gen.Select(Gen.Int[0, 63], Gen.ULong, (bits, r) => bits == 0 ? r & 1 : (r >> (63 - bits)) | (1UL << bits));

    [Fact]
    public void Every_value_lies_within_its_bucket_and_within_one_percent_of_the_reported_value()
    {
        AnyMagnitude.Sample(v =>
        {
            int i = HistogramBuckets.Index(v);
            Assert.InRange(i, 0, HistogramBuckets.Count - 1);
            Assert.InRange(v, HistogramBuckets.LowerBound(i), HistogramBuckets.UpperBound(i));
            ulong r = HistogramBuckets.Representative(i);
            ulong error = r > v ? r - v : v - r;
            Assert.True((double)error <= v / 128.0, $"{v}: reported {r}");
        }, iter: 100_000);
    }

    [Fact]
    public void Index_is_monotonic()
    {
        Gen.Select(AnyMagnitude, AnyMagnitude).Sample((a, b) =>
            a <= b ? HistogramBuckets.Index(a) <= HistogramBuckets.Index(b) : HistogramBuckets.Index(a) >= HistogramBuckets.Index(b));
    }

    [Theory]
    [InlineData(0UL, 0)]
    [InlineData(1UL, 1)]
    [InlineData(127UL, 127)]
    [InlineData(128UL, 128)]
    [InlineData(129UL, 128)]
    [InlineData(ulong.MaxValue, HistogramBuckets.Count - 1)]
    public void Small_values_are_exact_and_the_top_bucket_holds_the_largest(ulong value, int index)
    {
        Assert.Equal(index, HistogramBuckets.Index(value));
    }

    [Fact]
    public void One_hour_is_resolved_to_better_than_one_percent()
    {
        const ulong hour = 3_600_000_000_000;
        int i = HistogramBuckets.Index(hour);
        Assert.True(HistogramBuckets.UpperBound(i) - HistogramBuckets.LowerBound(i) < hour / 100);
    }
}
