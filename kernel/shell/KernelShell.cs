// The `ks> ` read-eval loop on the primary UART. Input (buffered by the UART
// receive interrupt in UartInput) goes byte by byte into the portable
// LineEditor (echo, backspace, line limits, byte checks); a finished line is
// parsed against the portable command catalog and dispatched.
// Every rejected line gets exactly one `error:` line and the prompt returns.
// Each command's run time is recorded in KernelMetrics.CommandLatency.
// Owns the editor and the parse result, both allocated once.
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Console;
using KernelStress.Kernel.Metrics;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Time;
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell
{
    internal sealed class KernelShell
    {
        private readonly TextSink _out;
        private readonly LineEditor _editor;
        private readonly ParsedCommand _parsed = new ParsedCommand();

        public KernelShell(TextSink output)
        {
            _out = output;
            _editor = new LineEditor(output);
        }

        public void Run()
        {
            Prompt();
            while (true)
            {
                // Input arrives through the receive interrupt; with none
                // buffered the shell thread blocks until the next byte raises
                // UartInput.Arrived, so other threads (or the idle halt) get the CPU.
                if (!UartInput.TryRead(out byte input))
                {
                    Scheduler.Wait(ref UartInput.Arrived);
                    continue;
                }
                switch (_editor.Feed(input))
                {
                    case LineStatus.Ready:
                        Execute();
                        Prompt();
                        break;
                    case LineStatus.Rejected:
                        _out.WriteLine(_editor.Error);
                        Prompt();
                        break;
                    case LineStatus.Empty:
                    case LineStatus.Cancelled:
                        Prompt();
                        break;
                }
            }
        }

        private void Execute()
        {
            switch (CommandParser.Parse(ShellCommands.Catalog, _editor.Line, _parsed))
            {
                case ParseStatus.Error:
                    _out.WriteLine(_parsed.Error);
                    return;
                case ParseStatus.Empty:
                    return;
            }
            ulong started = Clock.NowNanoseconds;
            UartInput.ClearCancel();
            CommandDispatcher.Run(_parsed, _out);
            KernelMetrics.CommandLatency.Record(Clock.NowNanoseconds - started);
        }

        // A run of brief records ends with the command: its count comes before the prompt.
        private void Prompt()
        {
            KernelConsole.Lock.Enter();
            BriefRun.End(_out);
            KernelConsole.Lock.Exit();
            _out.Write("ks> "u8);
        }
    }
}
