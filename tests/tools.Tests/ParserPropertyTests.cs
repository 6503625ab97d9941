using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using KernelStress.Tool.Uart;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>
/// Property tests of the UART parser over generated logs: good records mixed with every kind of
/// damage the issue names (garbage and NUL bytes, ANSI escapes, CRLF, interleaved lines, bytes
/// flipped, lost or inserted inside a record, noise in front of a record, a truncated last line),
/// fed in chunks of any size. Whatever the mix: nothing throws, every untouched record is trusted
/// exactly once with its exact JSON, nothing else is trusted, every damaged record is reported,
/// and the chunking does not change the outcome. CI runs a fixed number of cases; a nightly run sets
/// KSTRESS_PARSER_FUZZ_SECONDS to run each property for that long instead (<see cref="FuzzBudget"/>).
/// </summary>
public class ParserPropertyTests
{
    private enum Piece
    {
        Good,
        Damaged,
        GarbageLine,
        HumanLine,
        NoiseBeforeGood,
    }

    private enum Damage
    {
        FlipByte,
        DropByte,
        InsertBytes,
        InterleavedLine,
    }

    private static readonly Gen<(Piece Kind, int Param)> s_piece =
        Gen.Select(Gen.Int[0, 4].Select(i => (Piece)i), Gen.Int[0, int.MaxValue]);

    private static readonly Gen<((Piece Kind, int Param)[] Pieces, int Chunk, bool TruncatedTail)> s_log =
        Gen.Select(s_piece.Array[1, 30], Gen.Int[1, 300], Gen.Bool);

    [Fact]
    public void GoodRecordsSurviveAnyMixOfDamage()
    {
        s_log.Sample(log =>
        {
            (byte[] bytes, List<string> expected, int damaged) = Build(log.Pieces, log.TruncatedTail);

            List<UartEvent> whole = Uart.Parse(bytes);
            List<UartEvent> chunked = Uart.Parse(bytes, log.Chunk);

            Assert.Equal(expected, whole.Records().Select(r => r.Json));
            Assert.True(whole.Corrupt().Count >= damaged, $"{damaged} damaged record(s) but {whole.Corrupt().Count} finding(s)");
            Assert.Equal(Describe(whole), Describe(chunked));
        }, iter: 400, time: FuzzBudget.Seconds);
    }

    [Fact]
    public void ArbitraryBytesNeverThrowAndNeverForgeARecord()
    {
        Gen.Byte.Array[0, 2000].Sample(bytes =>
        {
            List<UartEvent> events = Uart.Parse(bytes, chunk: 7);
            // A trusted record needs a matching length and CRC-32: random bytes do not carry one.
            Assert.Empty(events.Records());
            Assert.Equal(bytes.Count(b => b == (byte)'\n') + (bytes.Length > 0 && bytes[^1] != (byte)'\n' ? 1 : 0),
                events.Lines().Count + (EndsWithPromptOnly(bytes) ? 1 : 0));
        }, iter: 300, time: FuzzBudget.Seconds);
    }

    private static bool EndsWithPromptOnly(byte[] bytes)
    {
        int start = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        var last = new UartStreamParser();
        last.Feed(bytes.AsSpan(start));
        return start < bytes.Length && last.Complete().Count == 0;
    }

    private static string Describe(List<UartEvent> events) => string.Join("\n", events.Select(e => e switch
    {
        RecordReceived r => $"R{r.Line}:{r.Record.Json}",
        CorruptFound c => $"C{c.Line}:{c.Finding.Reason}",
        LineReceived l => $"L{l.Line}:{l.Text}",
        PromptShown p => $"P{p.Line}",
        _ => e.ToString(),
    }));

    private static (byte[] Bytes, List<string> Expected, int Damaged) Build((Piece Kind, int Param)[] pieces, bool truncatedTail)
    {
        var log = new List<byte>();
        var expected = new List<string>();
        int damaged = 0;
        long seq = 0;
        void Text(string s) => log.AddRange(Encoding.UTF8.GetBytes(s));

        Text(Uart.Boot(seq++) + "\r\n");
        expected.Add(RecordJson(Uart.Boot(0)));

        foreach ((Piece kind, int param) in pieces)
        {
            switch (kind)
            {
                case Piece.Good:
                    string json = Json(seq++, param);
                    expected.Add(json);
                    Text(Uart.Record(json) + (param % 2 == 0 ? "\r\n" : "\n"));
                    break;
                case Piece.NoiseBeforeGood:
                    string after = Json(seq++, param);
                    expected.Add(after);
                    Text(new[] { "ks> ", "\0\0\0", "xx@@ ", "\x1b[1;32m", "KS1 " }[param % 5] + Uart.Record(after) + "\r\n");
                    break;
                case Piece.Damaged:
                    damaged++;
                    log.AddRange(Damaged(Uart.Record(Json(seq++, param)), (Damage)(param % 4), param));
                    Text("\r\n");
                    break;
                case Piece.GarbageLine:
                    log.AddRange(Garbage(param));
                    log.Add((byte)'\n');
                    break;
                case Piece.HumanLine:
                    Text($"[STRESSTEST] memory: {param} ops, \"quoted\" ks> not a prompt\r\n");
                    break;
            }
        }
        if (truncatedTail)
        {
            damaged++;
            string tail = Uart.Record(Json(seq, 7));
            Text(tail.Substring(0, tail.Length / 2));
        }
        return (log.ToArray(), expected, damaged);
    }

    private static string RecordJson(string frame) => frame.Substring(frame.IndexOf('{'));

    /// <summary>A result-like record; some carry marker and prompt text inside their strings.</summary>
    private static string Json(long seq, int param) =>
        $"{{\"type\":\"result\",\"seq\":{seq},\"test\":\"memory\",\"note\":\"{(param % 3 == 0 ? "@@KS1 12 00000000 {} ks> " : "naïve ✓")}\",\"counters\":{{\"ops\":{param},\"failed\":{param % 7}}}}}";

    private static byte[] Damaged(string frame, Damage damage, int param)
    {
        var bytes = Encoding.UTF8.GetBytes(frame).ToList();
        int payload = frame.IndexOf('{');
        int at = payload + 1 + param % (bytes.Count - payload - 2);
        switch (damage)
        {
            case Damage.FlipByte:
                bytes[at] = bytes[at] == (byte)'Q' ? (byte)'R' : (byte)'Q';
                break;
            case Damage.DropByte:
                bytes.RemoveAt(at);
                break;
            case Damage.InsertBytes:
                bytes.InsertRange(at, "zz"u8.ToArray());
                break;
            case Damage.InterleavedLine:
                bytes.InsertRange(at, Encoding.UTF8.GetBytes("\r\nanother writer's line\r\n"));
                break;
        }
        return bytes.ToArray();
    }

    private static byte[] Garbage(int param)
    {
        var random = new Random(param);
        return (param % 5) switch
        {
            0 => Enumerable.Range(0, random.Next(1, 80)).Select(_ => (byte)random.Next(0, 256)).Where(b => b != (byte)'\n').ToArray(),
            1 => new byte[random.Next(1, 40)],
            2 => "\x1b[2J\x1b[H\x1b]0;title\x07\x1b(B\x1b[0m"u8.ToArray(),
            3 => "@@KS1 99 deadbeef {\"type\":\"result\"}"u8.ToArray(),
            _ => "\r\r\r"u8.ToArray(),
        };
    }
}
