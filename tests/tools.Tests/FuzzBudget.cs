using System;

namespace KernelStress.Tool.Tests;

/// <summary>
/// How long a property-based fuzz test runs: CsCheck's <c>time</c> argument. Unset (CI), it is -1 and
/// the test's own iteration count applies; KSTRESS_PARSER_FUZZ_SECONDS=600 makes each property run for
/// ten minutes (nightly).
/// </summary>
internal static class FuzzBudget
{
    public static int Seconds { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("KSTRESS_PARSER_FUZZ_SECONDS"), out int seconds) && seconds > 0 ? seconds : -1;
}
