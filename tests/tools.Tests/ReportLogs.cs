using System.Text;

namespace KernelStress.Tool.Tests;

/// <summary>Captured sessions with every kind of record the HTML report charts: results with histograms and phases, progress, compare, a fault.</summary>
internal static class ReportLogs
{
    public static string StressSession(ulong seed, long p99)
    {
        var output = new StringBuilder();
        for (int s = 1; s <= 4; s++)
        {
            output.Append("[STRESSTEST] memory running\r\n").Append(Records.Progress(s, s * 1000, pressure: 40 + s * 10 + (long)seed % 5, oom: s / 2)).Append("\r\n");
        }
        output.Append(Records.Result(5, seed: seed, durationMs: 4000, counters: $"\"ops\":{12000 + (long)seed},\"failed\":3,\"mem_peak_bytes\":{4096 * (long)seed}",
            histograms: $"\"alloc\":{Records.Histogram(700, p99)}",
            phases: $"{{\"name\":\"level1\",\"duration_ms\":2000,\"counters\":{{\"ops\":5000,\"failed\":1}},\"histograms\":{{\"alloc\":{Records.Histogram(600, p99 / 2)}}}}}")).Append("\r\n");
        string compare = Records.Compare(6, 23, seed) + "\r\n";
        string fault = Uart.Record("{\"type\":\"fault\",\"seq\":7,\"arch\":\"x64\",\"reason\":\"invalid opcode (#UD)\",\"rip\":\"0x000000000010019c\",\"stack\":[\"0x000000000011a584\"],\"code\":\"0f0bc348b80000000001000000488b00\"}") + "\r\n";
        return Records.Session(($"stresstest memory --seed {seed}", output.ToString()), ($"stresstest compare memory --seed {seed}", compare), ("fault ud", fault));
    }
}
