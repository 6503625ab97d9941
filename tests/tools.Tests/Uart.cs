using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using KernelStress.Tool.Uart;

namespace KernelStress.Tool.Tests;

/// <summary>Helpers to run text through the parser.</summary>
internal static class Uart
{
    public static string Record(string json) => RecordFrame.Encode(json);

    public static string Boot(long seq = 0) =>
        Record($"{{\"type\":\"boot\",\"seq\":{seq},\"schema\":1,\"arch\":\"x64\",\"version\":\"0.1.0\",\"memory_bytes\":134217728,\"cpus\":1,\"boot_ms\":3}}");

    public static string Result(long seq, string verdict = "PASS") =>
        Record($"{{\"type\":\"result\",\"seq\":{seq},\"test\":\"memory\",\"verdict\":\"{verdict}\",\"reason\":\"\"}}");

    /// <summary>Every event for the whole text fed in one chunk, plus the end of the stream.</summary>
    public static List<UartEvent> Parse(string text) => Parse(Encoding.UTF8.GetBytes(text));

    public static List<UartEvent> Parse(byte[] bytes, int chunk = int.MaxValue)
    {
        var parser = new UartStreamParser();
        var events = new List<UartEvent>();
        for (int i = 0; i < bytes.Length; i += chunk)
        {
            events.AddRange(parser.Feed(bytes.AsSpan(i, System.Math.Min(chunk, bytes.Length - i))));
        }
        events.AddRange(parser.Complete());
        return events;
    }

    public static List<UartRecord> Records(this IEnumerable<UartEvent> events) =>
        events.OfType<RecordReceived>().Select(e => e.Record).ToList();

    public static List<CorruptFinding> Corrupt(this IEnumerable<UartEvent> events) =>
        events.OfType<CorruptFound>().Select(e => e.Finding).ToList();

    public static List<LineReceived> Lines(this IEnumerable<UartEvent> events) =>
        events.OfType<LineReceived>().ToList();
}
