using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Validation;

namespace KernelStress.Tool.Commands;

/// <summary>
/// <c>kstress validate FILE... [--policy FILE]</c>: judges run/parse JSON reports or UART logs
/// against a policy (default policies/default.json) and prints one PASS/WARN/FAIL/SKIP line per
/// rule. Exit 0 when no rule failed (warnings pass), 1 when one did, 64 for bad arguments.
/// </summary>
public static class ValidateCommand
{
    public const string DefaultPolicy = "policies/default.json";

    private static readonly Argument<string[]> s_files = new("FILE")
    {
        Description = "JSON reports from run --json or parse, or raw UART logs; several files are judged together (e.g. for variability across runs)",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<string?> s_policy = new("--policy")
    {
        Description = $"The policy: seed checks and warn/fail levels per metric (default: {DefaultPolicy}; format in docs/host-tool.md)",
        HelpName = "FILE",
    };

    public static Command Create()
    {
        var command = new Command("validate",
            "Check results against a policy: seed 001's rules (results vary across runs, compare shows >= 5 interventions with autonomy on, p99 not zero) and warn/fail thresholds per metric. "
            + "Prints one PASS/WARN/FAIL/SKIP line per rule. Exit codes: 0 no rule failed; 1 a rule failed; 64 bad arguments, unreadable file or policy.")
        {
            s_files,
            s_policy,
        };
        command.SetAction((parse, ct) => HandleAsync(parse.GetValue(s_files)!, parse.GetValue(s_policy),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    public static async Task<int> HandleAsync(IReadOnlyList<string> files, string? policyPath, TextWriter stdOut, TextWriter stdErr, CancellationToken cancellationToken)
    {
        Policy policy = Policy.Load(policyPath ?? RepoRoot.Resolve(DefaultPolicy));
        List<LoadedRun> runs = await ReportReader.LoadAsync(files, cancellationToken).ConfigureAwait(false);
        List<RuleOutcome> outcomes = Validator.Validate(runs, policy);
        foreach (RuleOutcome outcome in outcomes)
        {
            stdOut.WriteLine(outcome.ToString());
        }
        int failed = outcomes.Count(o => o.Status == RuleStatus.Fail);
        int warned = outcomes.Count(o => o.Status == RuleStatus.Warn);
        stdErr.WriteLine($"kstress: validate: {outcomes.Count} rule(s) over {runs.Count} session(s): {failed} failed, {warned} warned, {outcomes.Count(o => o.Status == RuleStatus.Skip)} skipped");
        return (int)(failed > 0 ? ExitCode.TestFailure : ExitCode.Pass);
    }
}
