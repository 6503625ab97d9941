using System.Collections.Generic;
using System.Linq;

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
        foreach (string line in CodeWords(crash.Stack))
        {
            yield return line;
        }
        foreach (string note in crash.Notes)
        {
            yield return "  note: " + note;
        }
    }

    /// <summary>
    /// "CPU 1 at 0x... in f+0x12 (halted, interrupts on)" and the stack words that resolve to code,
    /// innermost first: what a hung kernel's CPUs were doing when the host gave up waiting.
    /// </summary>
    public static IEnumerable<string> Lines(HungCpu cpu)
    {
        string state = (cpu.Halted == true ? "halted, " : cpu.Halted == false ? "running, " : "") + (cpu.InterruptsEnabled ? "interrupts on" : "interrupts off");
        yield return $"CPU {cpu.Cpu} at {cpu.Pc}" + (cpu.Function is { } f ? $" in {f}" : "") + $" ({state})";
        if (cpu.Link?.Function is { } caller)
        {
            yield return $"  link {cpu.Link.Value}  {caller}";
        }
        foreach (string line in CodeWords(cpu.Stack))
        {
            yield return line;
        }
    }

    /// <summary>
    /// What the CPUs' states together suggest, in one line; null when they suggest nothing
    /// (no CPUs captured, or halted states unknown).
    /// </summary>
    public static string? Diagnosis(IReadOnlyList<HungCpu> cpus)
    {
        if (cpus.Count == 0)
        {
            return null;
        }
        // A halted CPU wakes on an interrupt even when it masks them (arm64's idle waits in WFI masked).
        List<int> masked = cpus.Where(c => !c.InterruptsEnabled && c.Halted != true).Select(c => c.Cpu).ToList();
        if (masked.Count > 0)
        {
            return $"CPU {string.Join(", ", masked)} ran with interrupts off: a deadlock on a spinlock, or a loop with interrupts masked (see where below)";
        }
        if (cpus.All(c => c.Halted == true))
        {
            return "every CPU was halted waiting for an interrupt: no thread was runnable, so a thread waits for a wake-up that never came (or a command sleeps longer than --timeout)";
        }
        return cpus.Any(c => c.Halted == false)
            ? "CPUs were running with interrupts on: a busy loop or a livelock (see where below)"
            : null;
    }

    /// <summary>The stack words that point into the image's code (likely return addresses), with their index.</summary>
    private static IEnumerable<string> CodeWords(List<StackWord> stack)
    {
        for (int i = 0; i < stack.Count; i++)
        {
            if (stack[i].Function is { } function)
            {
                yield return $"  stack[{i}] {stack[i].Value}  {function}";
            }
        }
    }
}
