// What a trace entry records. The value is the entry's Kind and the bit of the
// kind in the enabled mask (`trace on --events`); Name is the word --events
// takes and the kind in the dump's event arrays (docs/uart-contract.md, `trace`).
using System;

namespace KernelStress.Kernel.Tracing
{
    internal enum TraceKind : uint
    {
        Switch,
        Interrupt,
        Fault,
        Chaos,
        Autonomy,
        Oom,
        HeapLock,
        Stall,
        Heap,
        Count,
    }

    internal static class TraceKinds
    {
        public const int Count = (int)TraceKind.Count;
        public const uint All = (1u << Count) - 1;

        // In the order of ShellCommands.TraceEvents' words: a parsed index is a TraceKind.
        public static ReadOnlySpan<byte> Name(TraceKind kind) => kind switch
        {
            TraceKind.Switch => "switch"u8,
            TraceKind.Interrupt => "irq"u8,
            TraceKind.Fault => "fault"u8,
            TraceKind.Chaos => "chaos"u8,
            TraceKind.Autonomy => "autonomy"u8,
            TraceKind.Oom => "oom"u8,
            TraceKind.HeapLock => "heaplock"u8,
            TraceKind.Stall => "stall"u8,
            TraceKind.Heap => "heap"u8,
            _ => "unknown"u8,
        };
    }
}
