using System.Text.Json.Serialization;

namespace KernelStress.Tool.Machines;

/// <summary>Source-generated JSON metadata for qemu/*.json (no reflection at run time).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(MachineProfile))]
public sealed partial class ProfileJsonContext : JsonSerializerContext
{
}
