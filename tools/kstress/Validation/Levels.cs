namespace KernelStress.Tool.Validation;

/// <summary>Warning and failure levels of one bound; either may be absent.</summary>
public sealed class Levels
{
    public double? Warn { get; set; }

    public double? Fail { get; set; }
}
