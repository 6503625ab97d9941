// JsonWriter: output checked by System.Text.Json; escaping, numbers, overflow and misuse.
using System;
using System.Linq;
using System.Text.Json;
using CsCheck;
using Xunit;

namespace KernelStress.Shell.Tests;

public class JsonWriterTests
{
    /// <summary>A document with every value kind and nesting, used by several tests.</summary>
    private static JsonWriter WriteSample(Span<byte> buffer)
    {
        var json = new JsonWriter(buffer);
        json.WriteStartObject();
        json.WriteString("name"u8, "chaos"u8);
        json.WriteString("kind"u8, "from a string");
        json.WriteNumber("seq"u8, 18446744073709551615UL);
        json.WriteNumber("delta"u8, -9223372036854775808L);
        json.WriteFixed("rate"u8, 86.25, 1);
        json.WriteFixed("nan"u8, double.NaN, 2);
        json.WriteBoolean("pass"u8, true);
        json.WriteNull("none"u8);
        json.WriteStartArray("levels"u8);
        json.WriteNumberValue(5UL);
        json.WriteStartObject();
        json.WriteEndObject();
        json.WriteStartArray();
        json.WriteEndArray();
        json.WriteStringValue("x"u8);
        json.WriteStringValue("y");
        json.WriteBooleanValue(false);
        json.WriteNullValue();
        json.WriteFixedValue(0.5, 0);
        json.WriteNumberValue(-3L);
        json.WriteEndArray();
        json.WriteStartObject("nested"u8);
        json.WriteStartObject("deeper"u8);
        json.WriteEndObject();
        json.WriteStartArray("empty"u8);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        return json;
    }

    private const string SampleText =
        "{\"name\":\"chaos\",\"kind\":\"from a string\",\"seq\":18446744073709551615,\"delta\":-9223372036854775808," +
        "\"rate\":86.3,\"nan\":null,\"pass\":true,\"none\":null,\"levels\":[5,{},[],\"x\",\"y\",false,null,1,-3]," +
        "\"nested\":{\"deeper\":{},\"empty\":[]}}";

    [Fact]
    public void Writes_every_value_kind_with_commas_where_they_belong()
    {
        Span<byte> buffer = stackalloc byte[512];
        JsonWriter json = WriteSample(buffer);
        Assert.True(json.IsComplete);
        Assert.Equal(0, json.Depth);
        Assert.Equal(SampleText, Latin1.Text(json.Written));
        using JsonDocument document = JsonDocument.Parse(json.Written.ToArray());
        Assert.Equal(18446744073709551615UL, document.RootElement.GetProperty("seq").GetUInt64());
        Assert.Equal(long.MinValue, document.RootElement.GetProperty("delta").GetInt64());
        Assert.Equal(9, document.RootElement.GetProperty("levels").GetArrayLength());
    }

    [Fact]
    public void Every_byte_value_survives_a_round_trip_through_System_Text_Json()
    {
        byte[] all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        Span<byte> buffer = stackalloc byte[4096];
        var json = new JsonWriter(buffer);
        json.WriteStartObject();
        json.WriteString(all, all);
        json.WriteEndObject();
        Assert.True(json.IsComplete);
        Assert.All(json.Written.ToArray(), b => Assert.InRange(b, (byte)0x20, (byte)0x7E));
        using JsonDocument document = JsonDocument.Parse(json.Written.ToArray());
        JsonProperty property = document.RootElement.EnumerateObject().Single();
        Assert.Equal(Latin1.Text(all), property.Name);
        Assert.Equal(Latin1.Text(all), property.Value.GetString());
    }

    [Theory]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    [InlineData("\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"")]
    [InlineData("\u0000\u001f\u007f\u00c3", "\"\\u0000\\u001f\\u007f\\u00c3\"")]
    [InlineData("/<>'", "\"/<>'\"")]
    public void Escapes_quotes_backslashes_and_everything_unprintable(string value, string expected)
    {
        Span<byte> buffer = stackalloc byte[64];
        var json = new JsonWriter(buffer);
        json.WriteStringValue(Latin1.Bytes(value));
        Assert.True(json.IsComplete);
        Assert.Equal(expected, Latin1.Text(json.Written));
    }

    [Fact]
    public void Any_strings_and_numbers_round_trip_through_System_Text_Json()
    {
        Gen.Select(Gen.Byte.Array[0, 60], Gen.Long, Gen.ULong, Gen.Double[0, 1e6]).Sample((text, signed, unsigned, real) =>
        {
            Span<byte> buffer = stackalloc byte[1024];
            var json = new JsonWriter(buffer);
            json.WriteStartObject();
            json.WriteString("s"u8, text);
            json.WriteNumber("l"u8, signed);
            json.WriteNumber("u"u8, unsigned);
            json.WriteFixed("d"u8, real, 3);
            json.WriteEndObject();
            using JsonDocument document = JsonDocument.Parse(json.Written.ToArray());
            JsonElement root = document.RootElement;
            return json.IsComplete
                && root.GetProperty("s").GetString() == Latin1.Text(text)
                && root.GetProperty("l").GetInt64() == signed
                && root.GetProperty("u").GetUInt64() == unsigned
                && Math.Abs(root.GetProperty("d").GetDouble() - real) <= 0.0005 + real * 1e-15;
        });
    }

    [Fact]
    public void A_buffer_of_any_size_gives_the_whole_document_or_an_overflow_flag()
    {
        for (int size = 0; size <= SampleText.Length + 1; size++)
        {
            byte[] buffer = new byte[size];
            JsonWriter json = WriteSample(buffer);
            Assert.False(json.Misused);
            if (size < SampleText.Length)
            {
                Assert.True(json.Overflowed);
                Assert.False(json.IsComplete);
            }
            else
            {
                Assert.True(json.IsComplete);
                Assert.Equal(SampleText, Latin1.Text(json.Written));
            }
        }
    }

    public static TheoryData<string> Misuses => new()
    {
        "value in an object without a name",
        "name in an array",
        "name at the top level",
        "two names in a row",
        "end of an array closing an object",
        "end of an object closing an array",
        "end at the top level",
        "end right after a name",
        "second top-level value",
        "too deep",
    };

    [Theory]
    [MemberData(nameof(Misuses))]
    public void Breaking_the_structure_is_flagged_and_stops_the_output(string misuse)
    {
        Span<byte> buffer = stackalloc byte[512];
        var json = new JsonWriter(buffer);
        switch (misuse)
        {
            case "value in an object without a name":
                json.WriteStartObject();
                json.WriteNumberValue(1UL);
                break;
            case "name in an array":
                json.WriteStartArray();
                json.WritePropertyName("a"u8);
                break;
            case "name at the top level":
                json.WritePropertyName("a"u8);
                break;
            case "two names in a row":
                json.WriteStartObject();
                json.WritePropertyName("a"u8);
                json.WritePropertyName("b"u8);
                break;
            case "end of an array closing an object":
                json.WriteStartObject();
                json.WriteEndArray();
                break;
            case "end of an object closing an array":
                json.WriteStartArray();
                json.WriteEndObject();
                break;
            case "end at the top level":
                json.WriteEndObject();
                break;
            case "end right after a name":
                json.WriteStartObject();
                json.WritePropertyName("a"u8);
                json.WriteEndObject();
                break;
            case "second top-level value":
                json.WriteNumberValue(1UL);
                json.WriteNumberValue(2UL);
                break;
            case "too deep":
                for (int i = 0; i < 65; i++)
                {
                    json.WriteStartArray();
                }
                break;
        }
        int length = json.Length;
        json.WriteNullValue();
        Assert.True(json.Misused);
        Assert.False(json.IsComplete);
        Assert.Equal(length, json.Length);
    }

    [Fact]
    public void Sixty_four_levels_of_nesting_are_fine()
    {
        Span<byte> buffer = stackalloc byte[256];
        var json = new JsonWriter(buffer);
        for (int i = 0; i < 64; i++)
        {
            json.WriteStartArray();
        }
        for (int i = 0; i < 64; i++)
        {
            json.WriteEndArray();
        }
        Assert.True(json.IsComplete);
    }

    [Fact]
    public void An_unfinished_document_is_not_complete()
    {
        Span<byte> buffer = stackalloc byte[64];
        var json = new JsonWriter(buffer);
        Assert.False(json.IsComplete);
        json.WriteStartObject();
        Assert.False(json.IsComplete);
        Assert.Equal(1, json.Depth);
        Assert.False(json.Misused);
    }
}
