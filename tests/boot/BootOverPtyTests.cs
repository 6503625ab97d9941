using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>kstress boot</c> as a person uses it: the tool runs on a pseudo-terminal of 160 columns
/// (util-linux <c>script</c>), keystrokes go in, the screen comes out. After a chaos run with
/// faults injected the screen holds the summary, no raw record frame, and at most a line or two
/// per record (the telemetry storm's hundreds share one); the terminal was raw (the kernel's
/// echo is the only one); Ctrl-A R switches to raw frames; <c>--log</c> has every record whole.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class BootOverPtyTests
{
    private const string Chaos = "stresstest chaos --fail-rate 20 --duration 3000 --seed 11";
    private const int Columns = 160;
    private const string Erase = "\u001b[2K";
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(90);

    private readonly BootedKernel _kernel;

    public BootOverPtyTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task AChaosRunShowsItsSummaryAndOneLinePerRecord()
    {
        string log = Path.Combine(Directory.CreateTempSubdirectory("kstress-boot").FullName, "uart.log");
        await using var terminal = Terminal.Start(_kernel.MachineArguments.Concat(new[] { "--no-build", "--log", log }));

        await terminal.ExpectAsync("\r\nks> ");
        await terminal.TypeAsync(Chaos + "\r");
        string run = await terminal.ExpectAsync("\r\nks> ");
        await terminal.TypeAsync("\u0001r");
        await terminal.ExpectAsync("records now shown raw");
        await terminal.TypeAsync("uptime\r");
        string raw = await terminal.ExpectAsync("\r\nks> ");
        await terminal.TypeAsync("poweroff\r");
        Assert.Equal(0, await terminal.ExitAsync());

        string[] rows = Rows(run);
        Assert.Equal(Chaos, rows[0]);
        Assert.Contains(rows, r => r.StartsWith("[STRESSTEST] Chaos completed: "));
        Assert.Contains(rows, r => r.StartsWith("Status: "));
        Assert.DoesNotContain("@@KS1", run);
        Assert.Contains(rows, r => Regex.IsMatch(r, @"^\[result #\d+\] test=chaos seed=11 .*verdict=(PASS|PARTIAL|FAIL) p99_ns=\d+"));
        Assert.Contains(rows, r => Regex.IsMatch(r, @"^\[telemetry #\d+\.\.#\d+, \d+ records\]"));
        string[] recordRows = rows.Where(r => r.StartsWith('[') && !r.StartsWith("[STRESSTEST]") && !r.StartsWith("[CHAOS]")).ToArray();
        Assert.All(recordRows, r => Assert.True(r.Length < Columns, $"a record row wraps: {r}"));

        // The log holds what the screen summarised: every record, framed.
        string[] records = File.ReadAllLines(log).Where(l => l.StartsWith("@@KS1 ")).ToArray();
        int telemetry = records.Count(l => l.Contains("\"type\":\"telemetry\""));
        Assert.True(telemetry > 10, $"the chaos run's telemetry storm sent {telemetry} records");
        Assert.True(recordRows.Length * 4 < records.Length, $"{recordRows.Length} record rows on the screen for {records.Length} records:\n{run}");

        Assert.Contains("@@KS1 ", raw);
        Assert.Contains("\"type\":\"uptime\"", raw);
    }

    /// <summary>The screen's rows: CR LF ends a row, an erase-and-return redraws the row in place.</summary>
    private static string[] Rows(string screen)
    {
        var rows = screen.Split("\r\n").Select(r => r.Contains(Erase, StringComparison.Ordinal) ? r[(r.LastIndexOf(Erase, StringComparison.Ordinal) + Erase.Length)..] : r);
        return rows.Select(r => r.TrimStart('\r')).Where(r => r.Length > 0).ToArray();
    }

    /// <summary><c>kstress boot</c> on a pseudo-terminal: what it prints is the screen, what is written is typed.</summary>
    private sealed class Terminal : IAsyncDisposable
    {
        private readonly Process _script;
        private readonly StringBuilder _screen = new();
        private readonly Task _reader;
        private int _consumed;

        private Terminal(Process script)
        {
            _script = script;
            _reader = Task.Run(async () =>
            {
                char[] buffer = new char[4096];
                int n;
                while ((n = await _script.StandardOutput.ReadAsync(buffer)) > 0)
                {
                    lock (_screen)
                    {
                        _screen.Append(buffer, 0, n);
                    }
                }
            });
        }

        public static Terminal Start(System.Collections.Generic.IEnumerable<string> arguments)
        {
            string tool = Path.Combine(AppContext.BaseDirectory, "kstress.dll");
            string command = $"stty cols {Columns} rows 50; exec dotnet {tool} boot {string.Join(" ", arguments)}";
            var info = new ProcessStartInfo("script", new[] { "-qfec", command, "/dev/null" })
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = RepoRoot.Path,
            };
            return new Terminal(Process.Start(info)!);
        }

        public async Task TypeAsync(string keys)
        {
            await _script.StandardInput.WriteAsync(keys);
            await _script.StandardInput.FlushAsync();
        }

        /// <summary>The screen from the last match up to and including <paramref name="text"/>.</summary>
        public async Task<string> ExpectAsync(string text)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < s_limit)
            {
                lock (_screen)
                {
                    string screen = _screen.ToString();
                    int at = screen.IndexOf(text, _consumed, StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        string part = screen[_consumed..(at + text.Length)];
                        _consumed = at + text.Length;
                        return part;
                    }
                }
                await Task.Delay(50);
            }
            lock (_screen)
            {
                Assert.Fail($"'{text}' did not appear on the screen within {s_limit.TotalSeconds} s; the screen:\n{_screen}");
            }
            return "";
        }

        public async Task<int> ExitAsync()
        {
            using var cancel = new CancellationTokenSource(s_limit);
            await _script.WaitForExitAsync(cancel.Token);
            await _reader;
            return _script.ExitCode;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_script.HasExited)
            {
                _script.Kill(entireProcessTree: true);
                await _script.WaitForExitAsync();
            }
            _script.Dispose();
        }
    }
}
