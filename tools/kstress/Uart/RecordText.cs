using System.Text;
using System.Text.Json;

namespace KernelStress.Tool.Uart;

/// <summary>
/// The one-line console form of a record: <c>[boot #0] schema=1 arch=x64 ...</c>. Scalars are
/// shown as key=value, nested objects and arrays as {…} and [n] (the JSON file has them whole).
/// </summary>
public static class RecordText
{
    public static string Compact(UartRecord record) => Compact(record.Body);

    /// <summary>The compact form of a trusted record's JSON (it has "type" and "seq").</summary>
    public static string Compact(JsonElement body)
    {
        var text = new StringBuilder();
        text.Append('[').Append(body.GetProperty("type").GetString()).Append(" #").Append(body.GetProperty("seq").GetRawText()).Append(']');
        foreach (JsonProperty property in body.EnumerateObject())
        {
            if (property.Name is "type" or "seq")
            {
                continue;
            }
            text.Append(' ').Append(property.Name).Append('=');
            JsonElement value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    string s = value.GetString()!;
                    text.Append(s.Contains(' ') || s.Length == 0 ? "\"" + s + "\"" : s);
                    break;
                case JsonValueKind.Object:
                    text.Append("{…}");
                    break;
                case JsonValueKind.Array:
                    text.Append('[').Append(value.GetArrayLength()).Append(']');
                    break;
                default:
                    text.Append(value.GetRawText());
                    break;
            }
        }
        return text.ToString();
    }
}
