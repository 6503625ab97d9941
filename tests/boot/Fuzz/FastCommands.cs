using KernelStress.Shell;

namespace KernelStress.Boot.Tests.Fuzz;

/// <summary>
/// The accepted commands a fuzz session may run: quick, without lasting effects and without asynchronous output
/// that could land between later cases. Everything the grammar rejects is always sent; of what it accepts, only
/// these run (a fuzzer typing `poweroff`, `fault --fatal` or `sleep 600000` would end or stall the session).
/// </summary>
public static class FastCommands
{
    public static bool Allows(ParsedCommand command) => (ShellCommandId)command.CommandId switch
    {
        ShellCommandId.Help or ShellCommandId.Version or ShellCommandId.Echo or ShellCommandId.Uptime
            or ShellCommandId.Mem or ShellCommandId.Ps or ShellCommandId.Cpus or ShellCommandId.Metrics => true,
        ShellCommandId.Prng => command.GetUnsigned(ShellCommands.PrngCount, 10) <= 200,
        ShellCommandId.Sleep => command.ArgumentNumber(0) <= 20,
        ShellCommandId.Watchdog => !command.Has(ShellCommands.WatchdogThreshold),
        _ => false,
    };
}
