using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace KernelStress.Tool.Lava;

/// <summary>
/// How one command's UART output becomes a LAVA result, the same rule <c>run</c> judges a command by
/// (Reports/TestCases.cs): the command fails when, before its prompt comes back, the shell
/// answers an <c>error:</c> line or a record carries <c>"verdict":"FAIL"</c> (a stress result, a
/// selftest suite); a panic record fails it and ends the job, since the kernel has halted and no
/// prompt will come. Anything else (PASS, PARTIAL, a command without a verdict) passes.
/// LAVA's interactive test takes the first of the prompt and these patterns to appear in the
/// stream (pexpect regular expressions over the raw UART).
/// </summary>
public static class LavaOutcome
{
    public const string Prompt = Uart.UartStreamParser.Prompt;

    /// <summary>A line the shell begins with "error:".</summary>
    public const string ErrorLine = "(?m)^error: ";

    /// <summary>
    /// A record whose own verdict is FAIL: after its type and seq, only flat fields (strings,
    /// numbers, booleans) come before "verdict", so a verdict nested in an object or array (the
    /// history in <c>stresstest report --json</c>) is not taken for the record's own.
    /// </summary>
    public const string FailedRecord = "\\{\"type\":\"[a-z_]+\",\"seq\":[0-9]+(,\"[a-z_0-9]+\":(\"([^\"\\\\]|\\\\.)*\"|[^,{}\\[\\]\"]*))*,\"verdict\":\"FAIL\"";

    public const string PanicRecord = "\"type\":\"panic\"";

    public const string PanicMessage = "kernel panic: the kernel halted (its panic record and register dump are in the log)";

    /// <summary>The bye record poweroff prints before the machine stops.</summary>
    public const string ByeRecord = "\"type\":\"bye\"";

    public static List<Dictionary<string, object>> Failures() => new()
    {
        new() { ["message"] = ErrorLine },
        new() { ["message"] = FailedRecord },
        new() { ["message"] = PanicRecord, ["exception"] = "TestError", ["error"] = PanicMessage },
    };

    /// <summary>A LAVA test case name (<c>^[-_a-zA-Z0-9.]+$</c>): the command's index and its words, at most 64 characters.</summary>
    public static string CaseName(int index, string command)
    {
        string words = Regex.Replace(command, "[^a-zA-Z0-9_.]+", "-").Trim('-');
        string name = $"{index}-{words}";
        return (name.Length > 64 ? name[..64] : name).TrimEnd('-');
    }
}
