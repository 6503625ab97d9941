using System.Collections.Generic;

namespace KernelStress.Tool.Crashes;

/// <summary>The console form of a symbolized crash, as run and parse print it after the session.</summary>
public static class CrashText
{
    public static IEnumerable<string> Lines(CrashReport crash)
    {
        string what = crash.Type == "panic" ? "panic" : "fault (the thread was killed, the kernel went on)";
        yield return $"{what} #{crash.Seq}: {crash.Reason ?? "no reason given"} at {crash.Address ?? "an unknown address"}"
            + (crash.Function is { } f ? $" in {f}" : "");
        foreach (string line in crash.Disassembly)
        {
            yield return "  " + line;
        }
        for (int i = 0; i < crash.Stack.Count; i++)
        {
            if (crash.Stack[i].Function is { } function)
            {
                yield return $"  stack[{i}] {crash.Stack[i].Value}  {function}";
            }
        }
        foreach (string note in crash.Notes)
        {
            yield return "  note: " + note;
        }
    }
}
