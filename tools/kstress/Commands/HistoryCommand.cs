using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using KernelStress.Tool.Cli;
using KernelStress.Tool.Comparing;
using KernelStress.Tool.History;
using Spectre.Console;

namespace KernelStress.Tool.Commands;

/// <summary>
/// <c>kstress history [--last N] [--command PATTERN] [--commit REV] [--arch A]</c>: the stored runs,
/// newest first; <c>history show ID</c>: one run's facts, sessions and commands;
/// <c>history trend METRIC [--command PATTERN] [--result NAME]</c>: one row per commit with the
/// metric's median and spread over its sessions, oldest first, and a bar chart of the medians.
/// </summary>
public static class HistoryCommand
{
    public static Command Create()
    {
        var listHistory = new HistoryOptions(writes: false);
        var last = LastOption(20, "How many runs to list, newest first");
        var pattern = CommandPatternOption();
        var commit = new Option<string?>("--commit") { Description = "Only runs at this commit (anything git rev-parse takes, or a hash prefix)", HelpName = "REV" };
        var arch = new Option<string?>("--arch") { Description = "Only runs on this architecture", HelpName = "x64|arm64" };
        var command = new Command("history",
            "List the runs stored in the history database (every run, serial and parse stores its sessions unless --no-history), show one, or follow a metric across commits. "
            + "Exit codes: 0 listed; 2 the database cannot be opened or read; 64 bad arguments.")
        {
            last,
            pattern,
            commit,
            arch,
            Show(),
            Trend(),
        };
        listHistory.AddTo(command);
        command.SetAction(parse =>
        {
            using HistoryDatabase database = HistoryDatabase.Open(listHistory.Read(parse)!, create: false);
            var reader = new HistoryReader(database);
            IReadOnlyList<StoredRun> runs = reader.Runs(new RunFilter(parse.GetValue(last), parse.GetValue(pattern), parse.GetValue(commit), parse.GetValue(arch)));
            var table = new Table().Title($"kstress history: {database.Location.Display}").AddColumns("id", "time (UTC)", "verb", "commit", "machine", "sessions", "verdicts", "commands");
            foreach (StoredRun run in runs)
            {
                IReadOnlyList<StoredSession> sessions = reader.Sessions(run.Id);
                IEnumerable<string> commands = sessions.Count > 0 ? reader.Commands(sessions[0].Id).Select(c => c.Command) : [];
                table.AddRow(Markup.Escape(run.Id.ToString(CultureInfo.InvariantCulture)), Markup.Escape(run.StartedUtc.Replace('T', ' ').TrimEnd('Z')), run.Verb,
                    Markup.Escape(run.ShortCommit), Markup.Escape(Machine(run)), sessions.Count.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(Verdicts(sessions)), Markup.Escape(string.Join("; ", commands)));
            }
            Consoles.For(parse.InvocationConfiguration.Output).Write(table);
            parse.InvocationConfiguration.Error.WriteLine($"kstress: history: {runs.Count} run(s) listed");
            return (int)ExitCode.Pass;
        });
        return command;
    }

    private static Command Show()
    {
        var history = new HistoryOptions(writes: false);
        var id = new Argument<long>("ID") { Description = "The run's id (the first column of kstress history)" };
        var command = new Command("show", "One stored run: where and how it ran, each session's verdict, boot time and seed, and each command's verdict and duration") { id };
        history.AddTo(command);
        command.SetAction(parse =>
        {
            using HistoryDatabase database = HistoryDatabase.Open(history.Read(parse)!, create: false);
            var reader = new HistoryReader(database);
            long runId = parse.GetValue(id);
            StoredRun run = reader.Run(runId) ?? throw new KstressException(ExitCode.Infrastructure, $"no run {runId} in {database.Location.Display}: kstress history lists the runs");
            TextWriter output = parse.InvocationConfiguration.Output;
            output.WriteLine($"run {run.Id}: {run.Verb} at {run.StartedUtc}{(run.Source is null ? "" : " from " + run.Source)}");
            output.WriteLine($"  commit {run.GitCommit ?? "unknown"}{(run.GitDirty == true ? " (uncommitted changes)" : "")}");
            output.WriteLine($"  image {run.ImageSha256 ?? "unknown"}{(run.ImageBytes is long bytes ? $" ({bytes} bytes)" : "")}");
            output.WriteLine($"  machine {Machine(run)}; QEMU {run.QemuVersion ?? "-"}");
            output.WriteLine($"  host {run.HostName ?? "-"}, CPU {run.CpuModel ?? "-"}");
            var table = new Table().AddColumns("session", "verdict", "boot ms", "seed", "records", "corrupt", "command", "command verdict", "ms");
            foreach (StoredSession session in reader.Sessions(run.Id))
            {
                IReadOnlyList<StoredCommand> commands = reader.Commands(session.Id);
                for (int i = 0; i < Math.Max(1, commands.Count); i++)
                {
                    StoredCommand? c = i < commands.Count ? commands[i] : null;
                    table.AddRow(i == 0 ? session.Ordinal.ToString(CultureInfo.InvariantCulture) : "", i == 0 ? session.Verdict : "",
                        i == 0 ? session.BootMs?.ToString(CultureInfo.InvariantCulture) ?? "-" : "", i == 0 ? session.Seed ?? "-" : "",
                        i == 0 ? session.RecordCount.ToString(CultureInfo.InvariantCulture) : "", i == 0 ? session.CorruptCount.ToString(CultureInfo.InvariantCulture) : "",
                        Markup.Escape(c?.Command ?? "-"), c?.Verdict ?? "", c?.DurationMs?.ToString(CultureInfo.InvariantCulture) ?? "");
                }
                if (session.Error is { } error)
                {
                    output.WriteLine($"  session {session.Ordinal} error: {error}");
                }
            }
            Consoles.For(output).Write(table);
            return (int)ExitCode.Pass;
        });
        return command;
    }

    private static Command Trend()
    {
        var history = new HistoryOptions(writes: false);
        var metric = new Argument<string>("METRIC") { Description = "A metric as compare names it: ops, throughput, p99_ns, counters.NAME, histograms.NAME.p99_ns, boot_ms ..." };
        var pattern = CommandPatternOption();
        var result = new Option<string?>("--result") { Description = "Only this result (e.g. memory, memory/level1); default: every result that has the metric", HelpName = "NAME" };
        var last = LastOption(200, "How many of the newest runs to look at");
        var command = new Command("trend", "One row per commit (oldest first) with the metric's median and spread over the sessions stored for it, and a chart of the medians") { metric, pattern, result, last };
        history.AddTo(command);
        command.SetAction(parse =>
        {
            using HistoryDatabase database = HistoryDatabase.Open(history.Read(parse)!, create: false);
            var reader = new HistoryReader(database);
            string name = parse.GetValue(metric)!;
            string? only = parse.GetValue(result);
            IReadOnlyList<StoredRun> runs = reader.Runs(new RunFilter(parse.GetValue(last), parse.GetValue(pattern))).Reverse().ToList();
            var points = new List<(string Result, string Commit, List<double> Values)>();
            foreach (StoredRun run in runs)
            {
                foreach (SessionSample session in reader.Samples([run]))
                {
                    foreach (((string res, string m), double value) in session.Values)
                    {
                        if (m == name && (only is null || res == only))
                        {
                            int at = points.FindIndex(p => p.Result == res && p.Commit == run.ShortCommit);
                            if (at < 0)
                            {
                                points.Add((res, run.ShortCommit, new List<double>()));
                                at = points.Count - 1;
                            }
                            points[at].Values.Add(value);
                        }
                    }
                }
            }
            if (points.Count == 0)
            {
                throw new KstressException(ExitCode.Infrastructure, $"no stored session has the metric '{name}'{(only is null ? "" : $" in result '{only}'")}: kstress history show ID lists a run's sessions");
            }
            IAnsiConsole console = Consoles.For(parse.InvocationConfiguration.Output);
            var table = new Table().Title($"trend of {name}").AddColumns("result", "commit", "n", "median", "spread", "min", "max");
            var chart = new BarChart().Label($"median {name} per commit").Width(80);
            foreach ((string res, string at, List<double> values) in points.OrderBy(p => p.Result, StringComparer.Ordinal))
            {
                double median = Estimates.Median(values);
                table.AddRow(Markup.Escape(res), Markup.Escape(at), values.Count.ToString(CultureInfo.InvariantCulture), ComparisonOutput.Figure(median),
                    ComparisonOutput.Figure(Estimates.Spread(values)), ComparisonOutput.Figure(values.Min()), ComparisonOutput.Figure(values.Max()));
                chart.AddItem(Markup.Escape($"{res} {at}"), median, Color.Blue);
            }
            console.Write(table);
            console.Write(chart);
            return (int)ExitCode.Pass;
        });
        return command;
    }

    private static Option<int> LastOption(int defaultValue, string description)
    {
        var option = new Option<int>("--last") { Description = description, HelpName = "N", DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError($"--last must be at least 1, not {r.GetValueOrDefault<int>()}");
            }
        });
        return option;
    }

    private static Option<string?> CommandPatternOption() => new("--command")
    {
        Description = "Only runs with a command matching this glob (* and ?; without them: containing the text)",
        HelpName = "PATTERN",
    };

    private static string Machine(StoredRun run) =>
        $"{run.Arch ?? "?"}{(run.Board is null ? "" : "/" + run.Board)}{(run.Smp is int smp ? $" smp {smp}" : "")}{(run.MemoryMb is int mb ? $" {mb} MiB" : "")}";

    /// <summary>"3 PASS" or "2 PASS, 1 FAIL".</summary>
    private static string Verdicts(IReadOnlyList<StoredSession> sessions) =>
        string.Join(", ", sessions.GroupBy(s => s.Verdict).Select(g => $"{g.Count()} {g.Key}"));
}
