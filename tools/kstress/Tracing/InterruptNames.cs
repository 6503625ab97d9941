namespace KernelStress.Tool.Tracing;

/// <summary>
/// What an interrupt span is called: x64 vectors as kernel/arch/x64 assigns them (LocalApic, Uart,
/// the CPU exceptions below 32), arm64 exception slots as arch/arm64/vectors.s orders them.
/// </summary>
public static class InterruptNames
{
    public static string For(string arch, long vector) => arch == "arm64"
        ? vector switch
        {
            4 => "sync exception",
            5 => "irq",
            6 => "fiq",
            7 => "serror",
            _ => $"exception slot {vector}",
        }
        : vector switch
        {
            0 => "#DE divide error",
            6 => "#UD invalid opcode",
            8 => "#DF double fault",
            13 => "#GP general protection",
            14 => "#PF page fault",
            0x20 => "timer",
            0x24 => "uart rx",
            0xF0 => "reschedule ipi",
            0xF1 => "tlb shootdown ipi",
            0xFF => "spurious",
            < 32 => $"exception {vector}",
            _ => $"irq {vector}",
        };
}
