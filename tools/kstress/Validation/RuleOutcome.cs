namespace KernelStress.Tool.Validation;

public enum RuleStatus
{
    Pass,
    Warn,
    Fail,

    /// <summary>Nothing to judge: the inputs hold no record the rule applies to, or the kernel did not report the quantity.</summary>
    Skip,
}

/// <summary>One line of validate's output: a rule, its status, and the evidence in one clause.</summary>
public sealed record RuleOutcome(string Rule, RuleStatus Status, string Detail)
{
    public override string ToString() => $"{Status.ToString().ToUpperInvariant(),-4} {Rule}: {Detail}";
}
