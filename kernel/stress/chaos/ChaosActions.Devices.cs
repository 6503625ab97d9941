// Chaos events against the simulated devices, and their driver.
//  network_partition: p packets over a link with 20-200 us latency, each
//    retransmitted after 1 ms without an ack; fault: the link is partitioned
//    for 2-50 ms halfway through; invariant: the device acknowledged every
//    packet (recovery: from the first timeout to the last ack).
//  disk_stall: p requests with 50-500 us latency; fault: the disk hangs for
//    5-60 ms right after they are queued; the driver times out after 2 ms,
//    waits for the device to come back (a reset) and requeues what is
//    outstanding; invariant: the device completed every request (recovery:
//    from the timeout to the last completion).
// The driver gives up after LinkGiveUpMs / DiskGiveUpMs, shorter than the
// longest outages: a partition or hang that outlasts them is a recovery that
// failed, as it would be for a real driver's retry budget.
// LinkRetries and DiskRetries are test-only switches (stresstest chaos
// --sabotage network_partition,disk_stall): off, the driver never resubmits.
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Time;
using KernelStress.Prng;

namespace KernelStress.Kernel.Stress.Chaos
{
    internal static partial class ChaosActions
    {
        private const int MaxRequests = 32;
        private const ulong LinkGiveUpMs = 40;
        private const ulong DiskGiveUpMs = 50;

        private static readonly SimulatedDevice s_link = new SimulatedDevice();
        private static readonly SimulatedDevice s_disk = new SimulatedDevice();
        private static readonly bool[] s_done = new bool[MaxRequests];
        private static readonly ulong[] s_sentAt = new ulong[MaxRequests];

        public static bool LinkRetries = true;
        public static bool DiskRetries = true;

        private static bool NetworkPartition(int packets, bool inject, ref Xorshift64Star random, out ulong recoveryNs)
        {
            s_link.Clear();
            for (int p = 0; p < packets; p++)
            {
                if (inject && p == packets / 2)
                    s_link.GoDown((ulong)random.Range(2, 51) * 1_000_000);
                Send(s_link, p, ref random, 20_000, 200_000);
            }
            Drain(s_link, packets, 1_000_000, false, LinkRetries, LinkGiveUpMs, ref random, 20_000, 200_000, out recoveryNs);
            return s_link.Completed == packets;
        }

        private static bool DiskStall(int requests, bool inject, ref Xorshift64Star random, out ulong recoveryNs)
        {
            s_disk.Clear();
            for (int r = 0; r < requests; r++)
                Send(s_disk, r, ref random, 50_000, 500_000);
            if (inject)
                s_disk.GoDown((ulong)random.Range(5, 61) * 1_000_000);
            Drain(s_disk, requests, 2_000_000, true, DiskRetries, DiskGiveUpMs, ref random, 50_000, 500_000, out recoveryNs);
            return s_disk.Completed == requests;
        }

        private static void Send(SimulatedDevice device, int tag, ref Xorshift64Star random, ulong minNs, ulong maxNs)
        {
            s_done[tag] = false;
            s_sentAt[tag] = Clock.NowNanoseconds;
            device.Submit(tag, random.Range(minNs, maxNs + 1));
        }

        // The driver: polls until all `count` requests completed or `giveUpMs` passed, resubmitting
        // (when `retries`) any older than `timeout`, after waiting for the device when `reset`.
        // Recovery runs from the first timeout.
        private static void Drain(SimulatedDevice device, int count, ulong timeout, bool reset, bool retries, ulong giveUpMs,
            ref Xorshift64Star random, ulong minNs, ulong maxNs, out ulong recoveryNs)
        {
            ulong giveUp = giveUpMs * 1_000_000;
            ulong start = Clock.NowNanoseconds;
            ulong firstTimeout = 0;
            int done = 0;
            while (done < count && Clock.NowNanoseconds - start < giveUp)
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
                    if (!retries)
                        continue;
                    while (reset && device.IsDown && Clock.NowNanoseconds - start < giveUp)
                        Scheduler.Sleep(1);
                    Send(device, r, ref random, minNs, maxNs);
                }
                Scheduler.Yield();
            }
            recoveryNs = firstTimeout == 0 ? 0 : Clock.NowNanoseconds - firstTimeout;
            StressRun.Add(StressCounter.DeviceRequestsLost, (long)device.Lost);
        }
    }
}
