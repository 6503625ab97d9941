using System.Linq;
using System.Threading.Tasks;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// Every out-of-range or misplaced value of stresstest and autonomy gets exactly one error line naming
/// it, runs nothing (no result record), and the kernel answers the next command.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StresstestBadValuesTests
{
    private static readonly (string Command, string Names)[] Bad =
    {
        ("stresstest chaos --fail-rate 101", "--fail-rate"),
        ("stresstest chaos --failure-rate 200", "--failure-rate"),
        ("stresstest memory --target-pressure 5", "--target-pressure"),
        ("stresstest memory --oom-probability 101", "--oom-probability"),
        ("stresstest commands --rate 0", "--rate"),
        ("stresstest learning --episodes 2", "--episodes"),
        ("stresstest memory --duration 50", "--duration"),
        ("stresstest chaos --noise 101", "--noise"),
        ("stresstest memory --seed -1", "--seed"),
        ("stresstest memory --fail-rate 10", "--fail-rate"),
        ("stresstest chaos --expect-failures yes", "yes"),
        ("stresstest chaos --sabotage timer_storm", "timer_storm"),
        ("stresstest chaos --sabotage heap_corruption,heap_corruption", "heap_corruption"),
        ("stresstest memory --sabotage disk_stall", "--sabotage"),
        ("stresstest recovery --sabotage dedup", "dedup"),
        ("stresstest storm --sabotage restart", "restart"),
        ("stresstest report --verbose", "--verbose"),
        ("stresstest compare report", "report"),
        ("stresstest frobnicate", "frobnicate"),
        ("stresstest", "stresstest"),
        ("autonomy maybe", "maybe"),
        ("stresstest learning --duration 100 --episodes 10", "episode"),
    };

    private readonly BootedKernel _kernel;

    public StresstestBadValuesTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task EachBadValueGetsOneErrorAndTheKernelGoesOn()
    {
        SessionResult session = await _kernel.RunAsync(Bad.Select(b => b.Command).Append("version").ToArray());

        Assert.Null(session.Report.Error);
        Assert.Empty(StressSession.StressResults(session));
        foreach ((string command, string names) in Bad)
        {
            CommandOutcome outcome = session.Report.Commands.Single(c => c.Command == command);
            string error = Assert.Single(outcome.Errors);
            Assert.StartsWith("error:", error);
            Assert.Contains(names, error);
        }
        Assert.Empty(session.Report.Commands.Single(c => c.Command == "version").Errors);
    }
}
