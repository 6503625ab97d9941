// Blocks a stress workload holds in the kernel heap: their addresses and
// sizes in a ring, oldest at the head (a random free moves the newest block
// into the hole, so the head stays the oldest). Every change happens under the pool's spinlock
// (interrupts off), so allocating a block and recording it is one step: a
// thread killed at a switch point never leaves a block the pool does not know,
// and the autonomy controller can release a pool's blocks while its owner runs.
// Invariant: the pool's held bytes are counted in MemoryBudget, and FreeAll
// gives back every block, so a run ends with the heap where it started.
using KernelStress.Kernel.Memory;
using KernelStress.Kernel.Sync;
using KernelStress.Kernel.Time;
using KernelStress.Prng;

namespace KernelStress.Kernel.Stress
{
    internal enum AllocOutcome
    {
        Allocated,
        // The block would take the run past its budget: an OOM.
        OverBudget,
        // The kernel heap returned 0: an OOM too.
        HeapExhausted,
        // The pool's table is full (the workload frees before it grows further).
        PoolFull,
    }

    internal sealed class BlockPool
    {
        public const int Capacity = 8192;
        // Frees done per lock hold, so interrupts are never off for long.
        private const int FreeBatch = 8;

        private readonly nuint[] _blocks = new nuint[Capacity];
        private readonly uint[] _sizes = new uint[Capacity];
        private int _head;
        private int _count;
        private ulong _held;
        private SpinLock _lock;

        public int Count => _count;

        public ulong HeldBytes => _held;

        // Allocates `size` bytes; `nanoseconds` is the KernelHeap.Allocate call's own time (0 if not called).
        public AllocOutcome Allocate(uint size, out ulong nanoseconds)
        {
            nanoseconds = 0;
            bool interrupts = _lock.Acquire();
            AllocOutcome outcome;
            if (_count == Capacity)
            {
                outcome = AllocOutcome.PoolFull;
            }
            else if (!MemoryBudget.TryReserve(size))
            {
                outcome = AllocOutcome.OverBudget;
            }
            else
            {
                ulong start = Clock.NowNanoseconds;
                nuint block = KernelHeap.Allocate(size, 16);
                nanoseconds = Clock.NowNanoseconds - start;
                if (block == 0)
                {
                    MemoryBudget.Release(size);
                    outcome = AllocOutcome.HeapExhausted;
                }
                else
                {
                    int slot = Slot(_count);
                    _blocks[slot] = block;
                    _sizes[slot] = size;
                    _count++;
                    _held += size;
                    outcome = AllocOutcome.Allocated;
                }
            }
            _lock.Release(interrupts);
            return outcome;
        }

        // Frees `percent` of the blocks, picked at random; returns the bytes freed.
        public ulong FreeRandom(uint percent, ref Xorshift64Star random)
        {
            int target = (int)((ulong)_count * percent / 100);
            ulong freed = 0;
            for (int done = 0; done < target;)
            {
                bool interrupts = _lock.Acquire();
                for (int i = 0; i < FreeBatch && done < target && _count > 0; i++, done++)
                    freed += FreeAt(random.Range(0, _count));
                _lock.Release(interrupts);
                if (_count == 0)
                    break;
            }
            return freed;
        }

        // Frees up to `count` blocks at random; returns the bytes freed.
        public ulong FreeSome(int count, ref Xorshift64Star random)
        {
            bool interrupts = _lock.Acquire();
            ulong freed = 0;
            for (int i = 0; i < count && _count > 0; i++)
                freed += FreeAt(random.Range(0, _count));
            _lock.Release(interrupts);
            return freed;
        }

        // The cache release the autonomy controller asks for: frees the oldest
        // `percent` of the blocks (the ones held longest are the coldest); returns the bytes freed.
        public ulong ReleaseOldest(uint percent)
        {
            int target = (int)((ulong)_count * percent / 100);
            ulong freed = 0;
            for (int done = 0; done < target;)
            {
                bool interrupts = _lock.Acquire();
                for (int i = 0; i < FreeBatch && done < target && _count > 0; i++, done++)
                    freed += FreeOldest();
                _lock.Release(interrupts);
                if (_count == 0)
                    break;
            }
            return freed;
        }

        public ulong FreeAll()
        {
            ulong freed = 0;
            while (_count > 0)
            {
                bool interrupts = _lock.Acquire();
                for (int i = 0; i < FreeBatch && _count > 0; i++)
                    freed += FreeAt(_count - 1);
                _lock.Release(interrupts);
            }
            return freed;
        }

        private int Slot(int index) => (_head + index) % Capacity;

        // Lock held: frees the block `index` places from the oldest; the newest takes its slot.
        private ulong FreeAt(int index)
        {
            int slot = Slot(index);
            ulong size = Give(slot);
            int newest = Slot(_count - 1);
            _blocks[slot] = _blocks[newest];
            _sizes[slot] = _sizes[newest];
            _count--;
            return size;
        }

        // Lock held: frees the oldest block.
        private ulong FreeOldest()
        {
            ulong size = Give(_head);
            _head = (_head + 1) % Capacity;
            _count--;
            return size;
        }

        private ulong Give(int slot)
        {
            uint size = _sizes[slot];
            // A stray write over the block's header: the heap rebuilds it if the slab vouches for the block.
            FreeStatus status = KernelHeap.Free(_blocks[slot]);
            if (status == FreeStatus.CorruptHeader && KernelHeap.RepairHeader(_blocks[slot]))
                status = KernelHeap.Free(_blocks[slot]);
            if (status != FreeStatus.Freed)
                Panic.Halt("stress"u8, "the kernel heap refused a block a stress pool holds"u8);
            _held -= size;
            MemoryBudget.Release(size);
            return size;
        }
    }
}
