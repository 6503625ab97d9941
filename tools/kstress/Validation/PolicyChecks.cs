namespace KernelStress.Tool.Validation;

/// <summary>The seed 001 validator's checks.</summary>
public sealed class PolicyChecks
{
    /// <summary>Results of one test with different seeds must differ (the seed's "no variability (deterministic)").</summary>
    public bool Variability { get; set; } = true;

    /// <summary>A compare record must show at least this many interventions with autonomy on (seed 001: 5); null turns the check off.</summary>
    public int? MinCompareInterventions { get; set; } = 5;

    /// <summary>Every histogram that counted something must have a non-zero p99 (seed 001: "latency tracking not working").</summary>
    public bool P99NotZero { get; set; } = true;

    /// <summary>Every session must have reached a verdict and every result record must not say FAIL (PARTIAL warns).</summary>
    public bool Verdicts { get; set; } = true;
}
