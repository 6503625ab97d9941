using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Cli;
using KernelStress.Tool.Comparing;
using KernelStress.Tool.History;
using KernelStress.Tool.Reports;

namespace KernelStress.Tool.Commands;

/// <summary>
/// <c>kstress compare BASE NEW [--threshold 5%] [--alpha 0.05] [--gate METRIC]... [--json FILE]
/// [--markdown FILE] [--bmf FILE] [--paired] [--all]</c>: every metric both sides have, with medians, the ratio, the 95%
/// interval of the shift, the Mann-Whitney p-value and a verdict (see <see cref="Comparison"/>).
/// Exit 1 when a gated metric regressed, 0 otherwise, 2 when a side cannot be read or is empty.
/// </summary>
public static class CompareCommand
{
    private static readonly HistoryOptions s_history = new(writes: false);

    private static readonly Argument<string> s_base = new("BASE")
    {
        Description = "The baseline: a JSON report (run --json, run --repeat N --json, parse) or UART log, run:ID, commit:REV, last, last~N, or several of those joined with commas",
    };

    private static readonly Argument<string> s_new = new("NEW")
    {
        Description = "The candidate, in the same forms as BASE",
    };

    private static readonly Option<string> s_threshold = new("--threshold")
    {
        Description = "The smallest change of a median that counts, as a percentage (5%) or a fraction (0.05)",
        HelpName = "PERCENT",
        DefaultValueFactory = _ => "5%",
    };

    private static readonly Option<double> s_alpha = new("--alpha")
    {
        Description = "Significance level of the Mann-Whitney test",
        HelpName = "P",
        DefaultValueFactory = _ => 0.05,
    };

    private static readonly Option<string[]> s_gates = new("--gate")
    {
        Description = $"A metric whose regression fails the comparison (exit 1); globs allowed, repeat for several (default: {string.Join(", ", CompareSettings.DefaultGates)})",
        HelpName = "METRIC",
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<string?> s_json = new("--json")
    {
        Description = "Write every metric's comparison as JSON (- for standard output)",
        HelpName = "FILE",
    };

    private static readonly Option<string?> s_markdown = new("--markdown")
    {
        Description = "Write the table as Markdown, e.g. for a CI comment (- for standard output)",
        HelpName = "FILE",
    };

    private static readonly Option<string?> s_bmf = new("--bmf")
    {
        Description = "Write NEW's figures in Bencher Metric Format (median, min and max per result and metric) for benchmark dashboards (- for standard output)",
        HelpName = "FILE",
    };

    private static readonly Option<bool> s_paired = new("--paired")
    {
        Description = "Pair each BASE session with its same-seed NEW session (by order when the seeds do not tell) and test the per-pair differences: for replays, e.g. run --repeat N --seed S on both sides",
    };

    private static readonly Option<bool> s_all = new("--all")
    {
        Description = "Show every metric in the table and Markdown, not only the changed and gated ones",
    };

    static CompareCommand()
    {
        s_alpha.Validators.Add(result =>
        {
            double alpha = result.GetValueOrDefault<double>();
            if (alpha is <= 0 or >= 1)
            {
                result.AddError($"--alpha must be between 0 and 1, not {alpha.ToString(CultureInfo.InvariantCulture)}");
            }
        });
        s_threshold.Validators.Add(result =>
        {
            if (ParseThreshold(result.GetValueOrDefault<string>()) is null)
            {
                result.AddError($"--threshold must be a percentage like 5% or a fraction like 0.05, not '{result.GetValueOrDefault<string>()}'");
            }
        });
    }

    public static Command Create()
    {
        var command = new Command("compare",
            "Compare two sets of sessions metric by metric: n, medians, ratio, the 95% confidence interval of the shift (Hodges-Lehmann), the Mann-Whitney U p-value, "
            + "and a verdict (regressed, improved, same; changed for metrics with no better direction). Latencies, failures, memory and boot time should go down, ops and ops/s up. "
            + "Exit codes: 0 no gated metric regressed; 1 a gated metric regressed; 2 a side could not be read or has no sessions; 64 bad arguments.")
        {
            s_base,
            s_new,
            s_threshold,
            s_alpha,
            s_gates,
            s_json,
            s_markdown,
            s_bmf,
            s_paired,
            s_all,
        };
        s_history.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            string[]? gates = parse.GetValue(s_gates);
            var settings = new CompareSettings(ParseThreshold(parse.GetValue(s_threshold)!)!.Value, parse.GetValue(s_alpha),
                gates is { Length: > 0 } ? gates : CompareSettings.DefaultGates, parse.GetValue(s_paired));
            return HandleAsync(parse.GetValue(s_base)!, parse.GetValue(s_new)!, settings, s_history.Read(parse)!,
                new CompareOutputs(parse.GetValue(s_json), parse.GetValue(s_markdown), parse.GetValue(s_bmf)), parse.GetValue(s_all),
                parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct);
        });
        return command;
    }

    public static async Task<int> HandleAsync(string baseSide, string newSide, CompareSettings settings, HistoryLocation history,
        CompareOutputs outputs, bool all, TextWriter stdOut, TextWriter stdErr, CancellationToken cancellationToken)
    {
        (List<SessionSample> baseline, List<SessionSample> candidate) = await LoadAsync(baseSide, newSide, history, cancellationToken).ConfigureAwait(false);
        List<MetricChange> changes = Comparison.Compare(baseline, candidate, settings);
        if (changes.Count == 1)
        {
            stdErr.WriteLine($"kstress: compare: '{baseSide}' and '{newSide}' have no result metric in common; only their verdicts are compared");
        }
        Consoles.For(stdOut).Write(ComparisonOutput.Table(changes, all));
        if (outputs.Json is { } jsonPath)
        {
            Write(jsonPath, stdOut, stream => ComparisonOutput.WriteJson(changes, stream));
        }
        if (outputs.Markdown is { } markdownPath)
        {
            Write(markdownPath, stdOut, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(ComparisonOutput.Markdown(changes, all))));
        }
        if (outputs.Bmf is { } bmfPath)
        {
            Write(bmfPath, stdOut, stream => BencherMetricFormat.Write(candidate, stream));
        }
        stdErr.WriteLine($"kstress: compare: {baseline.Count} base session(s) against {candidate.Count} new: {ComparisonOutput.Summary(changes)}");
        foreach (MetricChange failed in changes.FindAll(c => c.GateFails))
        {
            stdErr.WriteLine($"kstress: compare: REGRESSED: {failed.Result} {failed.Metric}: median {failed.BaseMedian.ToString("0.###", CultureInfo.InvariantCulture)} -> {failed.NewMedian.ToString("0.###", CultureInfo.InvariantCulture)}");
        }
        return changes.Exists(c => c.GateFails) ? (int)ExitCode.TestFailure : (int)ExitCode.Pass;
    }

    private static async Task<(List<SessionSample> Base, List<SessionSample> New)> LoadAsync(string baseSide, string newSide, HistoryLocation history, CancellationToken cancellationToken)
    {
        try
        {
            using HistoryDatabase? database = HistorySelector.UsesHistory(baseSide) || HistorySelector.UsesHistory(newSide) ? HistoryDatabase.Open(history, create: false) : null;
            HistoryReader? reader = database is null ? null : new HistoryReader(database);
            return (await HistorySelector.LoadAsync(baseSide, reader, cancellationToken).ConfigureAwait(false),
                await HistorySelector.LoadAsync(newSide, reader, cancellationToken).ConfigureAwait(false));
        }
        catch (KstressException e) when (e.ExitCode == ExitCode.Usage)
        {
            // A side that cannot be read cannot be judged: compare's contract is exit 2 for bad inputs.
            throw new KstressException(ExitCode.Infrastructure, e.Message);
        }
    }

    private static void Write(string path, TextWriter stdOut, Action<Stream> write)
    {
        if (path == "-")
        {
            using var buffer = new MemoryStream();
            write(buffer);
            stdOut.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return;
        }
        AtomicFile.Write(path, write);
    }

    /// <summary>"5%" or "0.05" as 0.05; null when it is neither, or negative.</summary>
    public static double? ParseThreshold(string? text)
    {
        if (text is null)
        {
            return null;
        }
        bool percent = text.EndsWith('%');
        return double.TryParse(percent ? text[..^1] : text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= 0 && double.IsFinite(value)
            ? percent ? value / 100 : value
            : null;
    }
}

/// <summary>The files compare writes besides its table; null: not asked for, "-": standard output.</summary>
public sealed record CompareOutputs(string? Json, string? Markdown, string? Bmf);
