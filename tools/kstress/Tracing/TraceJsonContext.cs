using System.Text.Json.Serialization;

namespace KernelStress.Tool.Tracing;

/// <summary>
/// Source-generated JSON metadata for trace files. Event args are values of the types listed here
/// (the serializer looks an <c>object</c> up by its run-time type).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ChromeTrace))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string))]
public sealed partial class TraceJsonContext : JsonSerializerContext
{
}
