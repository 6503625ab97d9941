// RecordWriter: framing verified by recomputing len and CRC, seq ordering, and the error record
// that replaces a record that overflowed or was malformed.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CsCheck;
using Xunit;

namespace KernelStress.Shell.Tests;

public class RecordWriterTests
{
    private static readonly Regex Frame = new(@"^@@KS1 (0|[1-9][0-9]*) ([0-9a-f]{8}) (.*)\r\n$", RegexOptions.Singleline);

    /// <summary>Checks the frame of one emitted line and returns its JSON, parsed.</summary>
    private static JsonElement Unframe(byte[] line)
    {
        Match match = Frame.Match(Latin1.Text(line));
        Assert.True(match.Success, Latin1.Text(line));
        byte[] json = Latin1.Bytes(match.Groups[3].Value);
        Assert.Equal(int.Parse(match.Groups[1].Value), json.Length);
        Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(json).ToString("x8"), match.Groups[2].Value);
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static JsonElement WriteResult(RecordWriter records, BufferSink sink)
    {
        sink.Clear();
        JsonWriter json = records.Begin("result"u8);
        json.WriteString("verdict"u8, "PASS"u8);
        json.WriteStartArray("levels"u8);
        json.WriteNumberValue(5UL);
        json.WriteNumberValue(10UL);
        json.WriteEndArray();
        json.WriteFixed("success"u8, 86.0, 1);
        Assert.True(records.End(ref json));
        Assert.Equal(1, sink.WriteCalls);
        return Unframe(sink.Bytes);
    }

    [Fact]
    public void A_record_is_one_framed_line_whose_length_and_crc_check_out()
    {
        var sink = new BufferSink();
        JsonElement record = WriteResult(new RecordWriter(sink, 1024), sink);
        Assert.Equal(new[] { "type", "seq", "verdict", "levels", "success" }, record.EnumerateObject().Select(p => p.Name));
        Assert.Equal("result", record.GetProperty("type").GetString());
        Assert.True(record.GetProperty("seq").GetUInt64() >= 1);
        Assert.Equal("PASS", record.GetProperty("verdict").GetString());
        Assert.Equal(86.0, record.GetProperty("success").GetDouble());
    }

    [Fact]
    public void Seq_increases_with_every_record_and_across_writers()
    {
        var sink = new BufferSink();
        var first = new RecordWriter(sink, 512);
        var second = new RecordWriter(sink, 512);
        var seqs = new List<ulong>();
        for (int i = 0; i < 10; i++)
        {
            seqs.Add(WriteResult(i % 2 == 0 ? first : second, sink).GetProperty("seq").GetUInt64());
        }
        Assert.True(seqs.Zip(seqs.Skip(1)).All(pair => pair.Second > pair.First), string.Join(",", seqs));
    }

    [Fact]
    public void Seq_is_distinct_across_threads()
    {
        var seqs = new ulong[8][];
        Parallel.For(0, 8, thread =>
        {
            var sink = new BufferSink();
            var records = new RecordWriter(sink, 256);
            seqs[thread] = Enumerable.Range(0, 500).Select(_ =>
            {
                sink.Clear();
                JsonWriter json = records.Begin("progress"u8);
                records.End(ref json);
                return Unframe(sink.Bytes).GetProperty("seq").GetUInt64();
            }).ToArray();
        });
        Assert.Equal(8 * 500, seqs.SelectMany(s => s).Distinct().Count());
        Assert.All(seqs, s => Assert.True(s.Zip(s.Skip(1)).All(pair => pair.Second > pair.First)));
    }

    [Fact]
    public void An_overflowing_record_is_replaced_by_an_error_record_with_its_seq()
    {
        var sink = new BufferSink();
        var records = new RecordWriter(sink, 256);
        JsonWriter json = records.Begin("result"u8);
        json.WriteString("big"u8, Latin1.Bytes(new string('x', 300)));
        Assert.False(records.End(ref json));
        Assert.Equal(1, sink.WriteCalls);
        JsonElement error = Unframe(sink.Bytes);
        Assert.Equal(new[] { "type", "seq", "reason", "wanted_type", "json_capacity" }, error.EnumerateObject().Select(p => p.Name));
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("record overflow", error.GetProperty("reason").GetString());
        Assert.Equal("result", error.GetProperty("wanted_type").GetString());
        Assert.Equal(256, error.GetProperty("json_capacity").GetInt32());

        ulong failedSeq = error.GetProperty("seq").GetUInt64();
        Assert.True(WriteResult(records, sink).GetProperty("seq").GetUInt64() > failedSeq);
    }

    [Fact]
    public void A_malformed_record_is_replaced_by_an_error_record()
    {
        var sink = new BufferSink();
        var records = new RecordWriter(sink, 256);
        JsonWriter json = records.Begin("result"u8);
        json.WriteStartArray("open"u8);
        Assert.False(records.End(ref json));
        JsonElement error = Unframe(sink.Bytes);
        Assert.Equal("malformed record", error.GetProperty("reason").GetString());
        Assert.Equal("result", error.GetProperty("wanted_type").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Result")]
    [InlineData("has space")]
    [InlineData("quote\"")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    public void An_invalid_type_is_replaced_by_an_error_record(string type)
    {
        var sink = new BufferSink();
        var records = new RecordWriter(sink, 256);
        JsonWriter json = records.Begin(Latin1.Bytes(type));
        json.WriteNumber("n"u8, 1UL);
        Assert.False(records.End(ref json));
        JsonElement error = Unframe(sink.Bytes);
        Assert.Equal(new[] { "type", "seq", "reason" }, error.EnumerateObject().Select(p => p.Name));
        Assert.Equal("invalid record type", error.GetProperty("reason").GetString());
    }

    [Fact]
    public void The_longest_error_record_fits_the_minimum_capacity()
    {
        var sink = new BufferSink();
        var records = new RecordWriter(sink, 1);
        Assert.Equal(RecordWriter.MinimumJsonCapacity, records.JsonCapacity);
        string type = new string('z', RecordWriter.MaxTypeLength);
        JsonWriter json = records.Begin(Latin1.Bytes(type));
        json.WriteString("big"u8, Latin1.Bytes(new string('x', 1000)));
        Assert.False(records.End(ref json));
        Assert.Equal(type, Unframe(sink.Bytes).GetProperty("wanted_type").GetString());
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void A_record_filling_the_capacity_exactly_is_emitted_and_one_byte_more_is_not(int extra, bool emitted)
    {
        var sink = new BufferSink();
        var records = new RecordWriter(sink, 256);
        JsonWriter json = records.Begin("result"u8);
        // The rest of the record is ,"pad":"<padding>"} : 10 bytes around the padding.
        int padding = records.JsonCapacity - json.Length - 10 + extra;
        json.WriteString("pad"u8, Latin1.Bytes(new string('p', padding)));
        Assert.Equal(emitted, records.End(ref json));
        JsonElement record = Unframe(sink.Bytes);
        Assert.Equal(emitted ? "result" : "error", record.GetProperty("type").GetString());
        if (emitted)
        {
            Assert.Equal("@@KS1 256 ", Latin1.Text(sink.Bytes.AsSpan(0, 10)));
        }
    }

    [Fact]
    public void Any_record_content_frames_correctly()
    {
        Gen.Select(Gen.Byte.Array[0, 500], Gen.Long).Sample((text, number) =>
        {
            var sink = new BufferSink(); // CsCheck samples on several threads
            var records = new RecordWriter(sink, 4096);
            JsonWriter json = records.Begin("progress"u8);
            json.WriteString("text"u8, text);
            json.WriteNumber("number"u8, number);
            bool emitted = records.End(ref json);
            JsonElement record = Unframe(sink.Bytes);
            return emitted && record.GetProperty("text").GetString() == Latin1.Text(text)
                && record.GetProperty("number").GetInt64() == number;
        });
    }

    [Fact]
    public void Writing_records_allocates_nothing()
    {
        var sink = new NullSink();
        var records = new RecordWriter(sink, 1024);
        void WriteBoth()
        {
            JsonWriter json = records.Begin("result"u8);
            json.WriteString("verdict"u8, "PARTIAL"u8);
            json.WriteFixed("rate"u8, 86.5, 2);
            records.End(ref json);
            JsonWriter big = records.Begin("result"u8);
            for (int i = 0; i < 200; i++)
            {
                big.WriteNumber("n"u8, (ulong)i);
            }
            records.End(ref big);
        }
        WriteBoth();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            WriteBoth();
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
