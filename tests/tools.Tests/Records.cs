using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace KernelStress.Tool.Tests;

/// <summary>Record JSON in the shapes of schema/result.schema.json, for crafted logs.</summary>
internal static class Records
{
    public static string Histogram(long p50, long p99, long count = 1000, long lower = 100) =>
        $"{{\"count\":{count},\"min_ns\":{lower},\"max_ns\":{p99 * 2},\"mean_ns\":{p50},\"p50_ns\":{p50},\"p90_ns\":{p99 / 2},\"p95_ns\":{p99 * 3 / 4},\"p99_ns\":{p99},\"p999_ns\":{p99 * 2},"
        + $"\"buckets\":[[{lower},{lower + 9},{count / 2}],[{p50},{p50 + 99},{count / 2 - 1}],[{p99},{p99 + 999},1]]}}";

    /// <summary>A stresstest result; counters given as "name":value pairs.</summary>
    public static string Result(long seq, string test = "memory", ulong seed = 42, long durationMs = 2000, string verdict = "PASS", string reason = "done",
        string counters = "\"ops\":1000,\"failed\":2,\"mem_peak_bytes\":4096", string? histograms = null, string autonomy = "\"total_interventions\":0", string? phases = null)
    {
        histograms ??= $"\"alloc\":{Histogram(500, 9000)}";
        string json = $"{{\"type\":\"result\",\"seq\":{seq},\"schema\":1,\"test\":\"{test}\",\"args\":\"--duration {durationMs} --seed {seed}\",\"seed\":{seed},\"arch\":\"x64\",\"cpus\":1,\"autonomy\":false,"
            + $"\"duration_ms\":{durationMs},\"verdict\":\"{verdict}\",\"reason\":\"{reason}\",\"counters\":{{{counters}}},\"histograms\":{{{histograms}}},\"autonomy_metrics\":{{{autonomy}}}"
            + (phases is null ? "" : $",\"phases\":[{phases}]") + "}";
        return Uart.Record(json);
    }

    public static string Progress(long seq, long elapsedMs, string test = "memory", long durationMs = 5000, long pressure = 50, long oom = 0) =>
        Uart.Record($"{{\"type\":\"progress\",\"seq\":{seq},\"test\":\"{test}\",\"elapsed_ms\":{elapsedMs},\"duration_ms\":{durationMs},\"ops\":{elapsedMs * 3},\"failed\":0,\"pressure_pct\":{pressure},\"oom_events\":{oom}}}");

    public static string Compare(long seq, long interventionsOn, ulong seed = 42) =>
        Uart.Record($"{{\"type\":\"compare\",\"seq\":{seq},\"test\":\"memory\",\"seed\":{seed},\"off\":{{\"oom_events\":8,\"peak_pressure_pct\":92,\"p99_ns\":400000,\"total_interventions\":0}},"
            + $"\"on\":{{\"oom_events\":2,\"peak_pressure_pct\":73,\"p99_ns\":300000,\"total_interventions\":{interventionsOn}}},\"interventions_on\":{{\"oom_preventions\":{interventionsOn}}}}}");

    /// <summary>A whole captured session: boot, each command's echo and output, poweroff and bye.</summary>
    public static string Session(params (string Command, string Output)[] commands)
    {
        var log = new StringBuilder(Uart.Boot() + "\r\n");
        foreach ((string command, string output) in commands)
        {
            log.Append("ks> ").Append(command).Append("\r\n").Append(output);
        }
        int seq = 1 + commands.Sum(c => c.Output.Split("@@KS1 ").Length - 1);
        log.Append("ks> poweroff\r\n").Append(Uart.Record($"{{\"type\":\"bye\",\"seq\":{seq.ToString(CultureInfo.InvariantCulture)}}}")).Append("\r\n");
        return log.ToString();
    }

    public static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r'));
}
