// A latency histogram whose buckets live in one kernel-heap block (30 KiB:
// one u64 per HistogramBuckets bucket), so the leak workload can create and
// destroy histograms every cycle without touching the managed heap, which
// never frees. One writer per histogram: no atomics.
using KernelStress.Kernel.Memory;
using KernelStress.Metrics;

namespace KernelStress.Kernel.Stress.Kinds.Leak
{
    internal unsafe struct HeapHistogram
    {
        private ulong* _buckets;
        private ulong _count;

        // False when the heap could not hold the buckets.
        public bool Create()
        {
            _buckets = (ulong*)KernelHeap.Allocate((nuint)(HistogramBuckets.Count * sizeof(ulong)), 0);
            _count = 0;
            if (_buckets == null)
                return false;
            for (int i = 0; i < HistogramBuckets.Count; i++)
                _buckets[i] = 0;
            return true;
        }

        public void Record(ulong nanoseconds)
        {
            _buckets[HistogramBuckets.Index(nanoseconds)]++;
            _count++;
        }

        // The values recorded, summed over the buckets (a check that the block kept what was written).
        public ulong CountFromBuckets()
        {
            ulong sum = 0;
            for (int i = 0; i < HistogramBuckets.Count; i++)
                sum += _buckets[i];
            return sum;
        }

        public ulong Count => _count;

        public void Destroy()
        {
            KernelHeap.Free((nuint)_buckets);
            _buckets = null;
        }
    }
}
