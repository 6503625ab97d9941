using System.Collections.Generic;
using KernelStress.Tool.Reports;

namespace KernelStress.Tool.Sessions;

/// <summary>What a session produced: the report, the raw UART bytes, and context for messages.</summary>
public sealed record SessionResult
{
    public required RunReport Report { get; init; }

    /// <summary>Every UART byte, unmodified (what --log writes; <c>parse</c> reads it back).</summary>
    public required byte[] Log { get; init; }

    /// <summary>The last UART lines (up to 20).</summary>
    public required IReadOnlyList<string> Tail { get; init; }

    /// <summary>QEMU's own stderr (e.g. "could not load kernel"); empty when it said nothing.</summary>
    public required string QemuStderr { get; init; }

    /// <summary>True when the session was cut short by Ctrl-C/SIGTERM.</summary>
    public required bool Interrupted { get; init; }

    public ExitCode ExitCode => Interrupted ? ExitCode.Interrupted : Report.ExitCode;
}
