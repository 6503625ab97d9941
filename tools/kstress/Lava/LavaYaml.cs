using YamlDotNet.Serialization;

namespace KernelStress.Tool.Lava;

/// <summary>
/// Writes LAVA's YAML. Strings that a YAML reader would take for another type ("true", "10",
/// "null") are quoted, so LAVA reads back exactly the strings written.
/// </summary>
public static class LavaYaml
{
    private static readonly ISerializer s_serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .Build();

    public static string Serialize(object document) => s_serializer.Serialize(document);
}
