// A simulated device for the chaos events the seed reserved: requests
// complete after an injected latency, and the device can go down for a while,
// losing every request in flight and every request submitted meanwhile (a
// network partition; a hung disk). The driver side (ChaosActions.Devices)
// must notice with a timeout and resubmit. The device keeps its own record of
// the tags it completed (Completed), which is what the chaos check reads.
// Used by one thread at a time.
using KernelStress.Kernel.Time;

namespace KernelStress.Kernel.Stress.Chaos
{
    internal sealed class SimulatedDevice
    {
        public const int Slots = 64;

        private readonly ulong[] _due = new ulong[Slots];
        private readonly int[] _tag = new int[Slots];
        private readonly bool[] _busy = new bool[Slots];
        private readonly bool[] _completed = new bool[Slots];
        private ulong _downUntil;

        // Distinct tags completed since Clear.
        public int Completed { get; private set; }

        public ulong Lost { get; private set; }

        public bool IsDown => Clock.NowNanoseconds < _downUntil;

        public void Clear()
        {
            for (int i = 0; i < Slots; i++)
            {
                _busy[i] = false;
                _completed[i] = false;
            }
            _downUntil = 0;
            Lost = 0;
            Completed = 0;
        }

        // Queues request `tag` (0..Slots-1) to complete `latencyNs` from now; lost while the device is down.
        public void Submit(int tag, ulong latencyNs)
        {
            if (IsDown)
            {
                Lost++;
                return;
            }
            for (int i = 0; i < Slots; i++)
            {
                if (!_busy[i])
                {
                    _busy[i] = true;
                    _tag[i] = tag;
                    _due[i] = Clock.NowNanoseconds + latencyNs;
                    return;
                }
            }
            Lost++;
        }

        // The fault: down for `nanoseconds`; what is in flight is lost.
        public void GoDown(ulong nanoseconds)
        {
            _downUntil = Clock.NowNanoseconds + nanoseconds;
            for (int i = 0; i < Slots; i++)
            {
                if (_busy[i])
                {
                    _busy[i] = false;
                    Lost++;
                }
            }
        }

        // A completed request's tag, or -1.
        public int Poll()
        {
            if (IsDown)
                return -1;
            ulong now = Clock.NowNanoseconds;
            for (int i = 0; i < Slots; i++)
            {
                if (_busy[i] && _due[i] <= now)
                {
                    _busy[i] = false;
                    if (!_completed[_tag[i]])
                    {
                        _completed[_tag[i]] = true;
                        Completed++;
                    }
                    return _tag[i];
                }
            }
            return -1;
        }
    }
}
