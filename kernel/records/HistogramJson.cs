// Writes a histogram snapshot as the result records carry it (docs/uart-contract.md):
// "<name>": {count, min_ns, max_ns, mean_ns, p50_ns, p90_ns, p95_ns, p99_ns,
// p999_ns, buckets: [[lower_ns, upper_ns, count], ...]} with only the
// non-empty buckets, so the host can rebuild the distribution exactly.
using System;
using KernelStress.Metrics;
using KernelStress.Shell;

namespace KernelStress.Kernel.Records
{
    internal static class HistogramJson
    {
        public static void Write(ref JsonWriter json, scoped ReadOnlySpan<byte> name, HistogramSnapshot snapshot)
        {
            HistogramSummary summary = snapshot.Summarize();
            json.WriteStartObject(name);
            json.WriteNumber("count"u8, summary.Count);
            json.WriteNumber("min_ns"u8, summary.Min);
            json.WriteNumber("max_ns"u8, summary.Max);
            json.WriteNumber("mean_ns"u8, summary.Mean);
            json.WriteNumber("p50_ns"u8, summary.P50);
            json.WriteNumber("p90_ns"u8, summary.P90);
            json.WriteNumber("p95_ns"u8, summary.P95);
            json.WriteNumber("p99_ns"u8, summary.P99);
            json.WriteNumber("p999_ns"u8, summary.P999);
            json.WriteStartArray("buckets"u8);
            int cursor = 0;
            while (snapshot.NextNonEmpty(ref cursor, out HistogramBucket bucket))
            {
                json.WriteStartArray();
                json.WriteNumberValue(bucket.Lower);
                json.WriteNumberValue(bucket.Upper);
                json.WriteNumberValue(bucket.Count);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }

        // "label: count=N min=Xns p50=... max=Yns".
        public static void WriteLine(TextSink output, ReadOnlySpan<byte> label, HistogramSnapshot snapshot)
        {
            HistogramSummary summary = snapshot.Summarize();
            output.Write(label);
            output.Write(": count="u8);
            output.WriteDecimal(summary.Count);
            output.Write(" min="u8);
            output.WriteDecimal(summary.Min);
            output.Write("ns "u8);
            WritePercentiles(output, summary);
            output.Write(" max="u8);
            output.WriteDecimal(summary.Max);
            output.WriteLine("ns"u8);
        }

        // The stress-test report's style, used by every human latency line: "p50=52ns p95=143ns p99=398ns".
        public static void WritePercentiles(TextSink output, in HistogramSummary summary)
        {
            output.Write("p50="u8);
            output.WriteDecimal(summary.P50);
            output.Write("ns p95="u8);
            output.WriteDecimal(summary.P95);
            output.Write("ns p99="u8);
            output.WriteDecimal(summary.P99);
            output.Write("ns"u8);
        }
    }
}
