using System.Collections.Generic;

namespace KernelStress.Tool.Sessions;

/// <summary>The exit code of several sessions: the worst one's, in the order pass, test failure, infrastructure, anything else.</summary>
public static class WorstExitCode
{
    public static ExitCode Of(IEnumerable<ExitCode> codes)
    {
        ExitCode worst = ExitCode.Pass;
        foreach (ExitCode code in codes)
        {
            worst = Rank(code) > Rank(worst) ? code : worst;
        }
        return worst;
    }

    private static int Rank(ExitCode code) => code switch
    {
        ExitCode.Pass => 0,
        ExitCode.TestFailure => 1,
        ExitCode.Infrastructure => 2,
        _ => 3,
    };
}
