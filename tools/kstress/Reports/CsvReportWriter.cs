using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using KernelStress.Tool.Results;

namespace KernelStress.Tool.Reports;

/// <summary>
/// The seed 004 CSV: <c>test_name,duration,ops,failed,throughput,error_rate,p50,p95,p99,mem,cpu</c>,
/// one row per result record and one per phase entry ("test/phase"), over every session.
/// duration in seconds, throughput in ops per second, error_rate = failed/ops as a fraction,
/// p50/p95/p99 in ns from the primary (first) histogram, mem = counters.mem_peak_bytes, cpu =
/// counters.cpu_busy_pct. A cell is empty when the kernel did not report the quantity.
/// </summary>
public sealed class CsvReportWriter : IReportWriter
{
    public const string Header = "test_name,duration,ops,failed,throughput,error_rate,p50,p95,p99,mem,cpu";

    public string Format => "csv";

    public void Write(IReadOnlyList<RunReport> runs, Stream output)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (ResultRecord result in runs.SelectMany(r => r.Results).Select(ResultRecord.From).SelectMany(r => new[] { r }.Concat(r.Phases())))
        {
            text.Append(Quote(result.Name)).Append(',')
                .Append(Number(result.DurationMs / 1000.0, "0.###")).Append(',')
                .Append(Number(result.Ops, "0")).Append(',')
                .Append(Number(result.Failed, "0")).Append(',')
                .Append(Number(result.Throughput, "0.##")).Append(',')
                .Append(Number(result.ErrorRate, "0.########")).Append(',')
                .Append(Number(result.Primary?.P50Ns, "0")).Append(',')
                .Append(Number(result.Primary?.P95Ns, "0")).Append(',')
                .Append(Number(result.Primary?.P99Ns, "0")).Append(',')
                .Append(Number(result.MemPeakBytes, "0")).Append(',')
                .Append(Number(result.CpuBusyPct, "0.#")).Append('\n');
        }
        output.Write(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static string Number(double? value, string format) =>
        value is double v ? v.ToString(format, CultureInfo.InvariantCulture) : "";

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.</summary>
    private static string Quote(string field) =>
        field.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}
