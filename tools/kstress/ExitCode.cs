namespace KernelStress.Tool;

/// <summary>
/// The process exit codes of every verb. CI gates on these, so they are part of the contract
/// (docs/uart-contract.md, "Exit codes of the host tool"): do not renumber.
/// </summary>
public enum ExitCode
{
    /// <summary>Everything ran and every check passed.</summary>
    Pass = 0,

    /// <summary>The session ran, but a command answered with an <c>error:</c> line or a result said FAIL.</summary>
    TestFailure = 1,

    /// <summary>
    /// The test could not be judged: build failure, no boot, no prompt, a silent hang, a panic,
    /// QEMU dying or exiting with an unexpected code, corrupt records.
    /// </summary>
    Infrastructure = 2,

    /// <summary>Bad command line (unknown option, out-of-range value, unreadable input file). Same as sysexits EX_USAGE.</summary>
    Usage = 64,

    /// <summary>Stopped by Ctrl-C or SIGTERM (128 + SIGINT, the shell convention); QEMU was killed.</summary>
    Interrupted = 130,
}
