using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Shell;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// The negative control of every chaos recovery: with the test-only <c>--sabotage KIND</c> the kernel's
/// recovery mechanism for KIND is off (never its check), so every fault of KIND counts failed, the run is not
/// PASS and its reason names KIND; with <c>--expect-failures</c> the kind's never-recovered faults fail the run.
/// Every accepted value runs (the catalog's list), in one boot, seed 2394 (its first 19 events cover every type).
/// Each switch is its kind's own (the other kinds still recover), and after each run the recovery is back on: a
/// plain run at the end recovers every fault of the always-recovered kinds.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StresstestChaosSabotageTests
{
    private const string Common = "--fail-rate 100 --duration 3000 --seed 2394 --summary";

    private readonly BootedKernel _kernel;

    public StresstestChaosSabotageTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task EverySabotagedRecoveryFailsTheRun()
    {
        string[] kinds = ShellCommands.StressSabotage.Choices;
        string[] single = kinds.Select(k => $"stresstest chaos --sabotage {k} {Common}").ToArray();
        string both = $"stresstest chaos --sabotage heap_corruption,thread_restart --expect-failures {Common}";
        string after = $"stresstest chaos {Common}";
        SessionResult session = await _kernel.RunAsync(single.Append(both).Append(after).ToArray());

        Assert.Null(session.Report.Error);
        JsonElement[] results = StressSession.StressResults(session);
        Assert.Equal(kinds.Length + 2, results.Length);
        for (int i = 0; i < kinds.Length; i++)
        {
            AssertSabotaged(results[i], kinds[i], "PARTIAL");
            // The switch is the kind's own: every other kind the kernel always recovers from still does.
            JsonElement others = results[i].GetProperty("chaos_kinds");
            foreach (string kind in StresstestChaosRecoveryTests.AlwaysRecovered.Where(k => k != kinds[i]))
                Assert.Equal(others.GetProperty(kind).GetProperty("injected").GetInt64(), others.GetProperty(kind).GetProperty("recovered").GetInt64());
        }

        AssertSabotaged(results[kinds.Length], "heap_corruption", "FAIL");
        AssertSabotaged(results[kinds.Length], "thread_restart", "FAIL");
        Assert.StartsWith("recovery of ", results[kinds.Length].GetProperty("reason").GetString());
        Assert.Contains("never succeeded", results[kinds.Length].GetProperty("reason").GetString());

        JsonElement plain = results[kinds.Length + 1].GetProperty("chaos_kinds");
        foreach (string kind in StresstestChaosRecoveryTests.AlwaysRecovered)
            Assert.Equal(plain.GetProperty(kind).GetProperty("injected").GetInt64(), plain.GetProperty(kind).GetProperty("recovered").GetInt64());
    }

    private static void AssertSabotaged(JsonElement result, string kind, string verdict)
    {
        JsonElement k = result.GetProperty("chaos_kinds").GetProperty(kind);
        Assert.True(k.GetProperty("sabotaged").GetBoolean(), kind);
        Assert.True(k.GetProperty("injected").GetInt64() >= 1, kind);
        Assert.Equal(0, k.GetProperty("recovered").GetInt64());
        Assert.Equal(verdict, result.GetProperty("verdict").GetString());
        Assert.Contains(kind, result.GetProperty("reason").GetString());
    }
}
