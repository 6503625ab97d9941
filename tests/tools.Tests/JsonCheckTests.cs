using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;
using KernelStress.Tool.Uart;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>The parser's JSON check gives System.Text.Json's reader's verdict, and the same type and seq.</summary>
public class JsonCheckTests
{
    [Theory]
    [InlineData("{}", true)]
    [InlineData(" {\"type\":\"boot\",\"seq\":0} ", true)]
    [InlineData("{\"a\":[1,-2.5e+3,0.0,true,false,null,\"x\\u00e9\\n\",{}]}", true)]
    [InlineData("[1,2]", true)]
    [InlineData("{\"a\":1,}", false)]
    [InlineData("{\"a\":01}", false)]
    [InlineData("{\"a\":1.}", false)]
    [InlineData("{\"a\":-}", false)]
    [InlineData("{\"a\":tru}", false)]
    [InlineData("{\"a\":truex}", false)]
    [InlineData("{\"a\":\"\\x\"}", false)]
    [InlineData("{\"a\":\"\\u12G4\"}", false)]
    [InlineData("{\"a\":\"tab\there\"}", false)]
    [InlineData("{\"a\" 1}", false)]
    [InlineData("{a:1}", false)]
    [InlineData("{\"a\":1}}", false)]
    [InlineData("{\"a\":[1,2}", false)]
    [InlineData("{\"a\":1} x", false)]
    [InlineData("", false)]
    public void AgreesWithTheReaderOnHandPickedCases(string json, bool valid)
    {
        Assert.Equal(valid, ReaderAccepts(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(valid, JsonCheck.Check(Encoding.UTF8.GetBytes(json)).Error is null);
    }

    [Fact]
    public void DepthLimitIsTheReaders()
    {
        string Nested(int depth) => new string('[', depth) + new string(']', depth);
        foreach (int depth in new[] { 63, 64, 65 })
        {
            byte[] json = Encoding.UTF8.GetBytes(Nested(depth));
            Assert.Equal(ReaderAccepts(json), JsonCheck.Check(json).Error is null);
        }
    }

    /// <summary>Stricter than a reader pass, which checks a string's UTF-8 only when it is read as text: such a record could not be read later.</summary>
    [Fact]
    public void InvalidUtf8IsRejected()
    {
        byte[] json = Encoding.UTF8.GetBytes("{\"a\":\"xx\"}");
        json[6] = 0xC3;
        Assert.Equal("invalid UTF-8", JsonCheck.Check(json).Error);
        Assert.Throws<InvalidOperationException>(() => JsonDocument.Parse(json).RootElement.GetProperty("a").GetString());
    }

    private static readonly string[] s_seeds =
    {
        "{\"type\":\"result\",\"seq\":12,\"counters\":{\"ops\":1000,\"failed\":2},\"buckets\":[[1,2,3],[4,5,6]],\"note\":\"a\\\"b\\u0041\",\"x\":-1.5e-3,\"t\":true,\"n\":null}",
        "{\"type\":\"progress\",\"seq\":3,\"test\":\"memory\",\"elapsed_ms\":1000,\"pressure_pct\":61}",
        // Strings and digit runs longer than the check's 16-byte steps, with escapes past the first step.
        "{\"type\":\"a long record type name, longer than sixteen bytes\\n\",\"seq\":123456789012345678,\"reason\":\"seventeen chars..\\\"quoted\\\" and more text after it\",\"big\":12345678901234567890123456789012345.5e-30}",
    };

    private const string Alphabet = "{}[]\":,.-+eE0123456789 \\tu\"abcfnrs";

    /// <summary>Valid records with random edits from JSON's own alphabet: the check and the reader agree every time.</summary>
    [Fact]
    public void AgreesWithTheReaderOnMutatedRecords()
    {
        Gen.Select(Gen.Int[0, s_seeds.Length - 1], Gen.Select(Gen.Int[0, 2], Gen.Int[0, 400], Gen.Int[0, Alphabet.Length - 1]).Array[0, 4]).Sample(t =>
        {
            var text = new StringBuilder(s_seeds[t.Item1]);
            foreach ((int op, int at, int c) in t.Item2)
            {
                int i = at % (text.Length + 1);
                switch (op)
                {
                    case 0: text.Insert(i, Alphabet[c]); break;
                    case 1 when i < text.Length: text.Remove(i, 1); break;
                    case 2 when i < text.Length: text[i] = Alphabet[c]; break;
                }
            }
            byte[] json = Encoding.UTF8.GetBytes(text.ToString());
            JsonCheck.Outcome check = JsonCheck.Check(json);
            Assert.True(ReaderAccepts(json) == (check.Error is null), $"{text}: reader {ReaderAccepts(json)}, check {check.Error ?? "ok"}");
            if (check.Error is null && check.IsObject)
            {
                using JsonDocument doc = JsonDocument.Parse(json);
                JsonElement root = doc.RootElement;
                string? type = root.TryGetProperty("type", out JsonElement ty) && ty.ValueKind == JsonValueKind.String ? ty.GetString() : null;
                long? seq = root.TryGetProperty("seq", out JsonElement sq) ? sq.ValueKind == JsonValueKind.Number && sq.TryGetInt64(out long v) ? v : -1 : null;
                // Duplicate names: both take the last one.
                Assert.Equal(LastOrNull(root, "type") is null ? null : type, check.Type);
                Assert.Equal(seq, check.Seq);
            }
        }, iter: 3000);
    }

    private static JsonElement? LastOrNull(JsonElement root, string name) =>
        root.EnumerateObject().Where(p => p.Name == name).Select(p => (JsonElement?)p.Value).LastOrDefault();

    private static bool ReaderAccepts(byte[] json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            while (reader.Read())
            {
            }
            return reader.BytesConsumed > 0 && reader.TokenType is not JsonTokenType.None;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
