using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using KernelStress.Tool.Crashes;
using KernelStress.Tool.Machines;
using KernelStress.Tool.Uart;

namespace KernelStress.Tool.Reports;

/// <summary>
/// Turns the parser's events into a <see cref="RunReport"/>: keeps the trusted records and the
/// corrupt findings, attributes each <c>error:</c> line to the command being answered, keeps the
/// last UART lines for error messages, and decides the verdict.
///
/// Commands come from the runner (<see cref="BeginCommand"/>/<see cref="EndCommand"/>, which
/// knows what it typed and when the prompt came back) or, for a captured log, from the echo lines
/// ("ks> CMD") and the prompts between them. The closing <c>poweroff</c> is not a command of the
/// report in either case, so a <c>run --log</c> file parses back to the same commands.
/// </summary>
public sealed class ReportBuilder
{
    public const string PowerOffCommand = "poweroff";

    /// <summary>What a scripted session types so that records arrive framed (SessionOptions.KeepsRecordsOn): the tool's, not a test's.</summary>
    public const string RecordsOnCommand = "records on";
    private const int TailLines = 20;

    private readonly bool _commandsFromEcho;
    private readonly List<CommandOutcome> _commands = new();
    private readonly List<UartRecord> _records = new();
    private readonly List<CorruptFinding> _corrupt = new();
    private readonly Queue<LineReceived> _tail = new();
    private CommandOutcome? _current;

    /// <param name="commandsFromEcho">True for a captured log: commands are read from the echo lines.</param>
    public ReportBuilder(bool commandsFromEcho)
    {
        _commandsFromEcho = commandsFromEcho;
    }

    public UartRecord? Boot => _records.FirstOrDefault(r => r.Type == "boot");

    public UartRecord? Bye => _records.LastOrDefault(r => r.Type == "bye");

    public UartRecord? Panic => _records.FirstOrDefault(r => r.Type == "panic");

    public bool HasCrashes => _records.Exists(r => CrashSymbolizer.IsCrash(r.Type));

    /// <summary>The last lines seen (up to 20), for messages about a session that went wrong.</summary>
    public IReadOnlyCollection<string> Tail => _tail.Select(l => l.Text).ToList();

    public void Observe(UartEvent e)
    {
        switch (e)
        {
            case LineReceived line:
                _tail.Enqueue(line);
                if (_tail.Count > TailLines)
                {
                    _tail.Dequeue();
                }
                if (_commandsFromEcho && line.IsEcho)
                {
                    EndCommand(null);
                    if (line.EchoedCommand is not (PowerOffCommand or RecordsOnCommand))
                    {
                        BeginCommand(line.EchoedCommand);
                    }
                }
                else if (line.Error is { } error && _current is not null)
                {
                    _current.Errors.Add(error);
                }
                break;
            case PromptShown when _commandsFromEcho:
                EndCommand(null);
                break;
            case RecordReceived received:
                _records.Add(received.Record);
                _current?.Records.Add(received.Record);
                break;
            case CorruptFound corrupt:
                _corrupt.Add(corrupt.Finding);
                break;
        }
    }

    public void BeginCommand(string command)
    {
        _current = new CommandOutcome { Command = command };
        _commands.Add(_current);
    }

    /// <param name="answered">False when the prompt did not come back (the session ends there).</param>
    public void EndCommand(long? durationMs, bool answered = true)
    {
        if (_current is not null)
        {
            _current.DurationMs = durationMs;
            _current.Answered = answered;
            _current = null;
        }
    }

    /// <summary>
    /// The report. <paramref name="problems"/> are the runner's own findings (no prompt, hang,
    /// exit code...); the builder adds what the stream itself shows: no boot record, a panic,
    /// corrupt records. Any problem makes the verdict ERROR.
    /// </summary>
    /// <param name="symbolizer">Resolves fault/panic records (null: they are listed without function names).</param>
    /// <param name="hung">The runner saw the kernel go silent (no output, no prompt): the verdict is HANG unless a panic explains it.</param>
    /// <param name="stuckCpus">The CPUs as the emulator saw them when a prompt did not come (null: not captured).</param>
    public RunReport Build(IEnumerable<string> problems, long? bootMs, int? qemuExitCode, CrashSymbolizer? symbolizer = null, bool hung = false,
        IReadOnlyList<CpuSnapshot>? stuckCpus = null)
    {
        var all = new List<string>(problems);
        // A captured log that ends while a command runs: that command never got its prompt back.
        if (_current is not null)
        {
            _current.Answered = false;
            if (_commandsFromEcho)
            {
                all.Add($"the log ends before the prompt came back after '{_current.Command}' (a hang, a crash, or the capture stopped early)");
            }
        }
        if (Panic is { } panic)
        {
            all.Insert(0, $"kernel panic (line {panic.Line}): {RecordText.Compact(panic)}");
        }
        if (Boot is null)
        {
            all.Add("no boot record: the kernel did not report that it booted");
        }
        if (_corrupt.Count > 0)
        {
            CorruptFinding first = _corrupt[0];
            all.Add($"{_corrupt.Count} corrupt record(s) or seq anomalies, the first at line {first.Line}: {first.Reason}");
        }

        List<JsonElement> results = _records.Where(r => r.Type == "result").Select(r => r.Body).ToList();
        bool failed = RunReport.FailureLines(_commands, _records.Select(r => r.Body)).Any();
        return new RunReport
        {
            Verdict = all.Count > 0 ? (hung && Panic is null ? Verdict.Hang : Verdict.Error) : failed ? Verdict.Fail : Verdict.Pass,
            Error = all.Count > 0 ? string.Join("; ", all) : null,
            BootMs = bootMs,
            QemuExitCode = qemuExitCode,
            Commands = _commands.ToList(),
            Results = results,
            Records = _records.Select(r => r.Body).ToList(),
            Corrupt = _corrupt.ToList(),
            Crashes = _records.Where(r => CrashSymbolizer.IsCrash(r.Type)).Select(r => (symbolizer ?? new CrashSymbolizer(null)).Symbolize(r.Body)).ToList(),
            HungCpus = (stuckCpus ?? []).Select(c => (symbolizer ?? new CrashSymbolizer(null)).Symbolize(c)).ToList(),
        };
    }
}
