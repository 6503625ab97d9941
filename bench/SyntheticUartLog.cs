// A deterministic UART log in the kernel's shapes (records as kernel/records
// and the stresstest result schema describe them), for the parser benchmark.
using System;
using System.IO.Hashing;
using System.Text;

namespace KernelStress.Bench;

public static class SyntheticUartLog
{
    public static byte[] Build(int approximateBytes)
    {
        var text = new StringBuilder(approximateBytes + 4096);
        long seq = 0;
        Frame(text, $"{{\"type\":\"boot\",\"seq\":{seq++},\"schema\":1,\"arch\":\"x64\",\"version\":\"0.1.0\",\"memory_bytes\":132751360,\"cpus\":1,\"boot_ms\":211}}");
        var random = new Random(6);
        int run = 0;
        while (text.Length < approximateBytes)
        {
            text.Append("ks> stresstest memory --duration 10000\r\n");
            for (int second = 1; second <= 10; second++)
            {
                text.Append("\x1b[32m[STRESSTEST]\x1b[0m memory: ").Append(second).Append(" s, ops=").Append(second * 9137)
                    .Append(" failed=").Append(random.Next(0, 9)).Append(" pressure=").Append(random.Next(40, 95)).Append("%\r\n");
                Frame(text, $"{{\"type\":\"progress\",\"seq\":{seq++},\"test\":\"memory\",\"elapsed_ms\":{second * 1000},\"duration_ms\":10000,\"ops\":{second * 9137},\"failed\":{random.Next(0, 9)},\"pressure_pct\":{random.Next(40, 95)},\"oom_events\":{random.Next(0, 4)}}}");
            }
            text.Append("Alloc Latency: p50=52ns p95=143ns p99=398ns\r\nStatus: PASS\r\n");
            var buckets = new StringBuilder();
            for (int b = 0; b < 40; b++)
            {
                buckets.Append(b == 0 ? "" : ",").Append('[').Append(1000 + b * 64).Append(',').Append(1063 + b * 64).Append(',').Append(random.Next(1, 5000)).Append(']');
            }
            Frame(text, $"{{\"type\":\"result\",\"seq\":{seq++},\"schema\":1,\"test\":\"memory\",\"args\":\"--duration 10000 --seed {run}\",\"seed\":{run},\"arch\":\"x64\",\"cpus\":1,\"autonomy\":true,\"duration_ms\":10001,\"verdict\":\"PASS\",\"reason\":\"target pressure reached\",\"counters\":{{\"ops\":91370,\"failed\":3,\"mem_peak_bytes\":{random.Next(1 << 20, 1 << 26)},\"oom_events\":2}},\"histograms\":{{\"alloc\":{{\"count\":91370,\"min_ns\":900,\"max_ns\":90000,\"mean_ns\":1500,\"p50_ns\":1200,\"p90_ns\":2000,\"p95_ns\":2400,\"p99_ns\":5000,\"p999_ns\":20000,\"buckets\":[{buckets}]}}}},\"autonomy_metrics\":{{\"total_interventions\":{random.Next(0, 30)},\"oom_preventions\":3}}}}");
            if (run % 7 == 3)
            {
                // A frame damaged in transit: one byte flipped, CRC no longer matches.
                string bad = FrameText($"{{\"type\":\"progress\",\"seq\":{seq++},\"test\":\"memory\",\"elapsed_ms\":1,\"duration_ms\":2,\"ops\":3,\"failed\":0,\"pressure_pct\":5,\"oom_events\":0}}");
                text.Append(bad.Replace("\"ops\":3", "\"ops\":8")).Append("\r\n");
            }
            run++;
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void Frame(StringBuilder text, string json) => text.Append(FrameText(json)).Append("\r\n");

    private static string FrameText(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        return $"@@KS1 {bytes.Length} {Crc32.HashToUInt32(bytes):x8} {json}";
    }
}
