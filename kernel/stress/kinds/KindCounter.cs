// A counter that belongs to one stresstest kind: its index among the kind's
// own counters (StressRun keeps their values for the run in progress; the
// kind's descriptor names them, in index order, in CounterNames). Counters
// more than one kind sets stay in StressCounter.
namespace KernelStress.Kernel.Stress.Kinds
{
    internal readonly struct KindCounter
    {
        public readonly int Index;

        public KindCounter(int index) => Index = index;
    }
}
