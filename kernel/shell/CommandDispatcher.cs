// Maps a parsed command's id to the kernel code that runs it. The grammar (names,
// flags, ranges, help text) lives in the portable catalog (kernel.Shell/ShellCommands.cs);
// this file and, for the stresstest kinds, their descriptors (StressKinds) know which kernel code serves which id.
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.SelfTest;
using KernelStress.Kernel.Shell.Commands;
using KernelStress.Kernel.Stress;
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell
{
    internal static class CommandDispatcher
    {
        public static void Run(ParsedCommand command, TextSink output)
        {
            // Each stresstest kind names its own commands (StressKinds).
            if (StressKinds.TryFind(command.CommandId, out StressKind kind, out bool compare))
            {
                if (compare)
                    StresstestCommand.Compare(command, kind, output);
                else
                    StresstestCommand.Run(command, kind, output);
                return;
            }
            switch ((ShellCommandId)command.CommandId)
            {
                case ShellCommandId.Help:
                    HelpWriter.Write(ShellCommands.Catalog, command, output);
                    break;
                case ShellCommandId.Version:
                    VersionCommand.Run(output);
                    break;
                case ShellCommandId.Echo:
                    EchoCommand.Run(command, output);
                    break;
                case ShellCommandId.Poweroff:
                    PowerOffCommand.Run(output);
                    break;
                case ShellCommandId.Sleep:
                    SleepCommand.Run(command.ArgumentNumber(0), output);
                    break;
                case ShellCommandId.Uptime:
                    UptimeCommand.Run(output);
                    break;
                case ShellCommandId.Bench:
                    BenchCommand.RunAll(output);
                    break;
                case ShellCommandId.BenchHeap:
                    BenchCommand.Heap(output);
                    break;
                case ShellCommandId.BenchSwitch:
                    BenchCommand.Switch(output);
                    break;
                case ShellCommandId.BenchTimer:
                    BenchCommand.Timer(output);
                    break;
                case ShellCommandId.Prng:
                    PrngCommand.Run(command, output);
                    break;
                case ShellCommandId.Metrics:
                    MetricsCommand.Run(output);
                    break;
                case ShellCommandId.MetricsReset:
                    MetricsCommand.Reset(output);
                    break;
                case ShellCommandId.Selftest:
                    SelftestCommand.RunAll(output);
                    break;
                case ShellCommandId.SelftestPrng:
                    SelftestCommand.RunOne(SelfTestSuite.Prng, output);
                    break;
                case ShellCommandId.SelftestMetrics:
                    SelftestCommand.RunOne(SelfTestSuite.Metrics, output);
                    break;
                case ShellCommandId.SelftestShell:
                    SelftestCommand.RunOne(SelfTestSuite.Shell, output);
                    break;
                case ShellCommandId.SelftestHeap:
                    SelftestCommand.RunOne(SelfTestSuite.Heap, output);
                    break;
                case ShellCommandId.Mem:
                    MemCommand.Run(output);
                    break;
                case ShellCommandId.SelftestSched:
                    SelftestCommand.RunOne(SelfTestSuite.Sched, output);
                    break;
                case ShellCommandId.Ps:
                    PsCommand.Run(output);
                    break;
                case ShellCommandId.Cpus:
                    CpusCommand.Run(output);
                    break;
                case ShellCommandId.Spin:
                    SpinCommand.Run(command, output);
                    break;
                case ShellCommandId.IrqStorm:
                    IrqStormCommand.Run(command, output);
                    break;
                case ShellCommandId.Watchdog:
                    WatchdogCommand.Run(command, output);
                    break;
                case ShellCommandId.FaultDivideError:
                    FaultCommand.Run(command, FaultKind.DivideError, "de"u8, output);
                    break;
                case ShellCommandId.FaultInvalidOpcode:
                    FaultCommand.Run(command, FaultKind.InvalidOpcode, "ud"u8, output);
                    break;
                case ShellCommandId.FaultPageFault:
                    FaultCommand.Run(command, FaultKind.PageFault, "pf"u8, output);
                    break;
                case ShellCommandId.FaultGeneralProtection:
                    FaultCommand.Run(command, FaultKind.GeneralProtection, "gp"u8, output);
                    break;
                case ShellCommandId.FaultStackOverflow:
                    FaultCommand.RunStackOverflow(command, output);
                    break;
                case ShellCommandId.StresstestReport:
                    StresstestCommand.Report(command, output);
                    break;
                case ShellCommandId.AutonomyOn:
                    AutonomyCommand.Set(true, output);
                    break;
                case ShellCommandId.AutonomyOff:
                    AutonomyCommand.Set(false, output);
                    break;
                case ShellCommandId.AutonomyStatus:
                    AutonomyCommand.Status(output);
                    break;
                case ShellCommandId.TraceOn or ShellCommandId.TraceOff or ShellCommandId.TraceDump or ShellCommandId.TraceStatus:
                    Tracing.TraceCommand.Run(command, output);
                    break;
                case ShellCommandId.Records:
                    RecordsCommand.Show(output);
                    break;
                case ShellCommandId.RecordsOn:
                    RecordsCommand.Set(RecordDisplay.On, output);
                    break;
                case ShellCommandId.RecordsBrief:
                    RecordsCommand.Set(RecordDisplay.Brief, output);
                    break;
                case ShellCommandId.RecordsOff:
                    RecordsCommand.Set(RecordDisplay.Off, output);
                    break;
                default:
                    // The catalog and this switch disagree: a programming error, not bad input.
                    output.Write("error: command '"u8);
                    output.Write(command.Tokens[0]);
                    output.WriteLine("' has no kernel implementation"u8);
                    break;
            }
        }
    }
}
