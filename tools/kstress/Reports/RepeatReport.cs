using System.Collections.Generic;
using KernelStress.Tool.Results;

namespace KernelStress.Tool.Reports;

/// <summary>
/// What <c>run --repeat N --json</c> writes for N &gt; 1: every session's report, the seeds used,
/// and the variability table. Schema 1:
/// <code>
/// {"schema":1,"verdict":"PASS|FAIL|ERROR","seeds":[N|null,...],
///  "variability":[{"result":"memory","metric":"p99_ns","n":3,"mean":..,"stddev":..,"min":..,"max":..}],
///  "runs":[run report, ...]}
/// </code>
/// </summary>
public sealed class RepeatReport
{
    public int Schema { get; init; } = RunReport.CurrentSchema;

    /// <summary>The worst verdict of the runs (ERROR over FAIL over PASS).</summary>
    public required Verdict Verdict { get; init; }

    public required List<ulong?> Seeds { get; init; }

    public required List<VariabilityRow> Variability { get; init; }

    public required List<RunReport> Runs { get; init; }
}
