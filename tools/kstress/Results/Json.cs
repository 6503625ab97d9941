using System.Collections.Generic;
using System.Text.Json;

namespace KernelStress.Tool.Results;

/// <summary>Tolerant field access on records: a missing or mistyped field reads as null, never as 0.</summary>
public static class Json
{
    public static long? Long(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n) ? n : null;

    public static double? Number(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    public static string? String(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static JsonElement? Object(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Object ? v : null;

    /// <summary>The numeric members of an object field (counters, autonomy_metrics), in record order.</summary>
    public static IReadOnlyList<KeyValuePair<string, double>> Numbers(JsonElement obj, string name)
    {
        var list = new List<KeyValuePair<string, double>>();
        if (Object(obj, name) is JsonElement inner)
        {
            foreach (JsonProperty property in inner.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Number)
                {
                    list.Add(new KeyValuePair<string, double>(property.Name, property.Value.GetDouble()));
                }
            }
        }
        return list;
    }
}
