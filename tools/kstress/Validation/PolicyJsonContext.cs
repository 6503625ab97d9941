using System.Text.Json;
using System.Text.Json.Serialization;

namespace KernelStress.Tool.Validation;

/// <summary>Source-generated JSON metadata for policies (no reflection; unknown fields are errors).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(Policy))]
public sealed partial class PolicyJsonContext : JsonSerializerContext
{
}
