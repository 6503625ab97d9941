using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Reports;

namespace KernelStress.Tool.History;

/// <summary>
/// One side of a comparison: a comma-separated set of items, each a JSON report or UART log
/// (every session in it), <c>run:ID</c> (a stored run's sessions), <c>commit:REV</c> (every stored
/// run at that commit; REV as git understands it, or a hash prefix), <c>last</c> or <c>last~N</c>
/// (the newest stored run, or the one N before it).
/// </summary>
public static partial class HistorySelector
{
    public static bool UsesHistory(string side) => side.Split(',').Any(IsSelector);

    /// <param name="reader">Null when no item needs the history.</param>
    public static async Task<List<SessionSample>> LoadAsync(string side, HistoryReader? reader, CancellationToken cancellationToken)
    {
        var samples = new List<SessionSample>();
        foreach (string item in side.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            List<SessionSample> found = IsSelector(item)
                ? reader!.Samples(Runs(item, reader)).ToList()
                : (await ReportReader.LoadAsync(item, cancellationToken).ConfigureAwait(false)).Select(SessionSample.From).ToList();
            if (found.Count == 0)
            {
                throw new KstressException(ExitCode.Infrastructure, $"'{item}' has no sessions to compare");
            }
            samples.AddRange(found);
        }
        if (samples.Count == 0)
        {
            throw new KstressException(ExitCode.Infrastructure, $"'{side}' names nothing to compare: give a JSON report, a UART log, run:ID, commit:REV, last or last~N");
        }
        return samples;
    }

    private static bool IsSelector(string item) => item.StartsWith("run:", StringComparison.Ordinal) || item.StartsWith("commit:", StringComparison.Ordinal) || Last().IsMatch(item);

    private static IReadOnlyList<StoredRun> Runs(string item, HistoryReader reader)
    {
        if (item.StartsWith("run:", StringComparison.Ordinal))
        {
            return long.TryParse(item[4..], NumberStyles.None, CultureInfo.InvariantCulture, out long id) && reader.Run(id) is { } run
                ? [run]
                : throw new KstressException(ExitCode.Infrastructure, $"'{item}': no such run in the history (kstress history lists them)");
        }
        if (item.StartsWith("commit:", StringComparison.Ordinal))
        {
            string commit = Git.ResolveCommit(item[7..]);
            IReadOnlyList<StoredRun> runs = reader.AtCommit(commit);
            return runs.Count > 0 ? runs : throw new KstressException(ExitCode.Infrastructure, $"'{item}': no stored run at commit {commit}");
        }
        int back = Last().Match(item).Groups[1] is { Success: true } n ? int.Parse(n.Value, CultureInfo.InvariantCulture) : 0;
        return reader.Latest(back) is { } latest
            ? [latest]
            : throw new KstressException(ExitCode.Infrastructure, $"'{item}': the history has fewer than {back + 1} run(s)");
    }

    [GeneratedRegex(@"^last(?:~(\d+))?$")]
    private static partial Regex Last();
}
