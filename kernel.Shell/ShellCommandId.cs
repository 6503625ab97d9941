// The ids of the commands in ShellCommands.Catalog: what the kernel switches on after parsing.
// A new command gets a new member here and a row in ShellCommands. Ids start at 1 so that a
// default(int) is never a command; ParsedCommand.CommandId is -1 when no command was parsed.
namespace KernelStress.Shell;

public enum ShellCommandId
{
    Help = 1,
    Version,
    Echo,
    Poweroff,
    Prng,
    Metrics,
    MetricsReset,
    Selftest,
    SelftestPrng,
    SelftestMetrics,
    SelftestShell,
    Fault,
    FaultDivideError,
    FaultInvalidOpcode,
    FaultPageFault,
    FaultGeneralProtection,
    Sleep,
    Uptime,
    Mem,
    SelftestHeap,
    SelftestSched,
    Ps,
    Spin,
    Bench,
    BenchHeap,
    BenchSwitch,
    Cpus,
    BenchTimer,
    Watchdog,
    FaultStackOverflow,
    IrqStorm,
}
