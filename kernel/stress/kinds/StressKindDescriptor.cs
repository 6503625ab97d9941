// What the coordinator, the shell and the summary need from one stresstest kind,
// as function pointers (the kernel has no interface dispatch with many
// implementations). Each kind's folder builds its descriptor; StressKinds holds
// them in one table indexed by StressKind. The order of a run:
//   Configure (shell thread, before the run: flags beyond StressOptions, checks),
//   Start (starts the kind's threads and does its part until the run ends),
//   Stop (after the stop request: joins what Start left running),
//   Measure (counters every verdict sees, even a FAIL's),
//   Judge (only when nothing failed while running: verdict and reason),
//   Print (the kind's detail lines, before the latency lines).
// The constructor takes what every kind has; a kind sets the rest with an
// initializer. A null Stop, Measure or WriteHeaderTail means the kind has none;
// a kind with a BoundName runs to a count (Bound) instead of a deadline.
using System;
using KernelStress.Kernel.Runtime;
using KernelStress.Kernel.Stress.Autonomy;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds
{
    internal unsafe struct StressKindDescriptor
    {
        // The record's "test" and the word after `stresstest`; capitalised, the
        // human lines' title: "[STRESSTEST] Memory completed: ...".
        public LiteralName Name;
        public ShellCommandId Command;
        // `stresstest compare NAME`; 0 when the kind has none.
        public ShellCommandId CompareCommand;
        // The record names of the kind's own counters (KindCounter), separated by '|', in index order.
        public LiteralName CounterNames;

        // False when it printed an error line and the run must not start.
        public delegate*<ParsedCommand, ref StressOptions, TextSink, bool> Configure;
        // What the kind counts to, in the header in place of ": duration=Nms"
        // (": cycles=50"); the run then has no deadline.
        public LiteralName BoundName;
        public delegate*<ulong> Bound;
        // Written at the end of the header line.
        public delegate*<TextSink, void> WriteHeaderTail;
        // `poll` is the coordinator's periodic work, true when the run should end. False if a thread did not start.
        public delegate*<in StressOptions, TextSink, delegate*<bool>, bool> Start;
        public delegate*<void> Stop;
        public delegate*<void> Measure;
        public delegate*<TextSink, void> Judge;
        public delegate*<TextSink, void> Print;

        public StressKindDescriptor(ReadOnlySpan<byte> name, ShellCommandId command,
            delegate*<ParsedCommand, ref StressOptions, TextSink, bool> configure,
            delegate*<in StressOptions, TextSink, delegate*<bool>, bool> start,
            delegate*<TextSink, void> judge, delegate*<TextSink, void> print)
        {
            this = default;
            Name = new LiteralName(name);
            Command = command;
            Configure = configure;
            Start = start;
            Judge = judge;
            Print = print;
        }

        // Configure for the kinds that follow `autonomy on|off` and take no flags beyond StressOptions.
        public static bool FollowArmedAutonomy(ParsedCommand command, ref StressOptions options, TextSink output)
        {
            options.Autonomy = AutonomyController.Armed;
            return true;
        }

        // Configure for the kinds without a controller (nothing to steer) and no further flags.
        public static bool WithoutAutonomy(ParsedCommand command, ref StressOptions options, TextSink output) => true;
    }
}
