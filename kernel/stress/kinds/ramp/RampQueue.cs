// The ramp's bounded queue: a ring of item addresses under a Mutex, and a
// Signal that wakes the consumers. Enqueue fails when the ring is full (the
// producer then waits: backpressure); consumers drain until the ring is empty
// before they Wait, so a Raise is never needed for an item already queued.
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Sync;

namespace KernelStress.Kernel.Stress.Kinds.Ramp
{
    internal static class RampQueue
    {
        public const int Capacity = 256;

        private static readonly nuint[] s_ring = new nuint[Capacity];
        private static readonly Mutex s_lock = new Mutex();
        private static Signal s_itemsReady;
        private static int s_head;
        private static int s_count;
        private static int s_peak;

        public static int Depth => s_count;

        // The deepest the ring has been since the last call (a level's queue peak).
        public static int TakePeak()
        {
            s_lock.Lock();
            int peak = s_peak;
            s_peak = s_count;
            s_lock.Unlock();
            return peak;
        }

        public static void Reset()
        {
            s_head = 0;
            s_count = 0;
            s_peak = 0;
            s_itemsReady.Pending = false;
        }

        public static bool TryEnqueue(nuint item)
        {
            s_lock.Lock();
            bool room = s_count < Capacity;
            if (room)
            {
                s_ring[(s_head + s_count) % Capacity] = item;
                s_count++;
                if (s_count > s_peak)
                    s_peak = s_count;
            }
            s_lock.Unlock();
            if (room)
                Scheduler.Raise(ref s_itemsReady);
            return room;
        }

        public static nuint TryDequeue()
        {
            s_lock.Lock();
            nuint item = 0;
            if (s_count > 0)
            {
                item = s_ring[s_head];
                s_head = (s_head + 1) % Capacity;
                s_count--;
            }
            s_lock.Unlock();
            return item;
        }

        // Blocks a consumer until the producer raises (an item, or the end of injection).
        public static void WaitForItems() => Scheduler.Wait(ref s_itemsReady);

        // Wakes every consumer: injection ended, or a consumer leaving passes the wake on.
        public static void WakeConsumers() => Scheduler.Raise(ref s_itemsReady);
    }
}
