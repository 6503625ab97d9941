// Chaos events against the simulated devices.
//  network_partition: p packets over a link with 20-200 us latency, each
//    retransmitted after 1 ms without an ack; fault: the link is partitioned
//    for 2-8 ms halfway through; invariant: every packet is acknowledged
//    (recovery: from the first timeout to the last ack).
//  disk_stall: p requests with 50-500 us latency; fault: the disk hangs for
//    5-20 ms right after they are queued; the driver times out after 2 ms,
//    waits for the device to come back (a reset) and requeues what is
//    outstanding; invariant: every request completes (recovery: from the
//    timeout to the last completion).
// Both give up after GiveUpMs (the invariant then does not hold).
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Time;
using KernelStress.Prng;

namespace KernelStress.Kernel.Stress.Chaos
{
    internal static partial class ChaosActions
    {
        private const int MaxRequests = 32;
        private const ulong GiveUpNanoseconds = GiveUpMs * 1_000_000;

        private static readonly SimulatedDevice s_link = new SimulatedDevice();
        private static readonly SimulatedDevice s_disk = new SimulatedDevice();
        private static readonly bool[] s_done = new bool[MaxRequests];
        private static readonly ulong[] s_sentAt = new ulong[MaxRequests];

        private static bool NetworkPartition(int packets, bool inject, ref Xorshift64Star random, out ulong recoveryNs)
        {
            s_link.Clear();
            ulong timeout = 1_000_000;
            for (int p = 0; p < packets; p++)
            {
                if (inject && p == packets / 2)
                    s_link.GoDown((ulong)random.Range(2, 9) * 1_000_000);
                Send(s_link, p, ref random, 20_000, 200_000);
            }
            return Drain(s_link, packets, timeout, false, ref random, 20_000, 200_000, out recoveryNs);
        }

        private static bool DiskStall(int requests, bool inject, ref Xorshift64Star random, out ulong recoveryNs)
        {
            s_disk.Clear();
            for (int r = 0; r < requests; r++)
                Send(s_disk, r, ref random, 50_000, 500_000);
            if (inject)
                s_disk.GoDown((ulong)random.Range(5, 21) * 1_000_000);
            return Drain(s_disk, requests, 2_000_000, true, ref random, 50_000, 500_000, out recoveryNs);
        }

        private static void Send(SimulatedDevice device, int tag, ref Xorshift64Star random, ulong minNs, ulong maxNs)
        {
            s_done[tag] = false;
            s_sentAt[tag] = Clock.NowNanoseconds;
            device.Submit(tag, random.Range(minNs, maxNs + 1));
        }

        // Polls until all `count` requests completed, resubmitting any older than `timeout`
        // (after waiting for the device when `reset`). Recovery runs from the first timeout.
        private static bool Drain(SimulatedDevice device, int count, ulong timeout, bool reset, ref Xorshift64Star random,
            ulong minNs, ulong maxNs, out ulong recoveryNs)
        {
            ulong start = Clock.NowNanoseconds;
            ulong firstTimeout = 0;
            int done = 0;
            while (done < count && Clock.NowNanoseconds - start < GiveUpNanoseconds)
            {
                int tag = device.Poll();
                if (tag >= 0 && !s_done[tag])
                {
                    s_done[tag] = true;
                    done++;
                    continue;
                }
                ulong now = Clock.NowNanoseconds;
                for (int r = 0; r < count; r++)
                {
                    if (s_done[r] || now - s_sentAt[r] < timeout)
                        continue;
                    if (firstTimeout == 0)
                        firstTimeout = now;
                    while (reset && device.IsDown && Clock.NowNanoseconds - start < GiveUpNanoseconds)
                        Scheduler.Sleep(1);
                    Send(device, r, ref random, minNs, maxNs);
                }
                Scheduler.Yield();
            }
            recoveryNs = firstTimeout == 0 ? 0 : Clock.NowNanoseconds - firstTimeout;
            StressRun.Add(StressCounter.DeviceRequestsLost, (long)device.Lost);
            return done == count;
        }
    }
}
