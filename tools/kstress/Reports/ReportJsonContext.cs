using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KernelStress.Tool.Reports;

/// <summary>Source-generated JSON metadata for the report (no reflection at run time).</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(RunReport))]
[JsonSerializable(typeof(RepeatReport))]
[JsonSerializable(typeof(List<JsonElement>))]
public sealed partial class ReportJsonContext : JsonSerializerContext
{
}
