// One row of the positional-argument grammar of a command. Built once at start-up; never changed.
// CommandCatalog.Validate checks the order: required before optional, Text only last.
namespace KernelStress.Shell;

public sealed class PositionalSpec
{
    private PositionalSpec(PositionalKind kind, string name, bool required, ulong min, ulong max, string summary)
    {
        Kind = kind;
        Name = name;
        Required = required;
        Min = min;
        Max = max;
        Summary = summary;
    }

    public PositionalKind Kind { get; }

    /// <summary>The placeholder in usage lines and messages: "MS", "TEXT".</summary>
    public string Name { get; }

    public bool Required { get; }

    /// <summary>Inclusive range of an Unsigned argument.</summary>
    public ulong Min { get; }

    public ulong Max { get; }

    public string Summary { get; }

    public static PositionalSpec Unsigned(string name, ulong min, ulong max, bool required, string summary) =>
        new PositionalSpec(PositionalKind.Unsigned, name, required, min, max, summary);

    public static PositionalSpec Text(string name, bool required, string summary) =>
        new PositionalSpec(PositionalKind.Text, name, required, 0, 0, summary);
}
