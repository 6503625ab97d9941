// The request channel of the in-kernel service that `stresstest concurrency`
// and `stresstest recovery` drive: one request slot per client (sequence
// number, payload, and the answer), and a ring of client ids waiting for the
// service. Everything is read and written under one SpinLock, which keeps
// interrupts off while held: a service thread killed by Scheduler.Kill dies
// at a switch point, never inside it, so a kill cannot leave it held.
// A client whose request times out (the service died with it) submits a new
// one with the next sequence number; an answer to an older number is ignored.
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Sync;

namespace KernelStress.Kernel.Stress.Service
{
    internal static class ServiceChannel
    {
        public const int MaxClients = 32;
        private const int RingCapacity = 4 * MaxClients;

        private static readonly ulong[] s_sequence = new ulong[MaxClients];
        private static readonly ulong[] s_payload = new ulong[MaxClients];
        private static readonly ulong[] s_answeredSequence = new ulong[MaxClients];
        private static readonly ulong[] s_answer = new ulong[MaxClients];
        private static readonly int[] s_ring = new int[RingCapacity];
        private static SpinLock s_lock;
        private static Signal s_work;
        private static int s_head;
        private static int s_count;

        public static void Reset()
        {
            for (int i = 0; i < MaxClients; i++)
            {
                s_sequence[i] = 0;
                s_answeredSequence[i] = 0;
            }
            s_head = 0;
            s_count = 0;
            s_work.Pending = false;
        }

        // The service's answer to a payload: what a client checks.
        public static ulong Answer(ulong payload)
        {
            ulong x = payload * 0x9E3779B97F4A7C15UL;
            return x ^ (x >> 29);
        }

        // Client: a new request; false when the ring is full (the service is not draining it).
        public static bool Submit(int client, ulong sequence, ulong payload)
        {
            bool interrupts = s_lock.Acquire();
            bool room = s_count < RingCapacity;
            if (room)
            {
                s_sequence[client] = sequence;
                s_payload[client] = payload;
                s_ring[(s_head + s_count) % RingCapacity] = client;
                s_count++;
            }
            s_lock.Release(interrupts);
            if (room)
                Scheduler.Raise(ref s_work);
            return room;
        }

        // Client: whether `sequence` was answered, and with what.
        public static bool TryTakeAnswer(int client, ulong sequence, out ulong answer)
        {
            bool interrupts = s_lock.Acquire();
            bool answered = s_answeredSequence[client] == sequence;
            answer = s_answer[client];
            s_lock.Release(interrupts);
            return answered;
        }

        // Service: the next waiting client's current request; false when none waits.
        public static bool TryNext(out int client, out ulong sequence, out ulong payload)
        {
            bool interrupts = s_lock.Acquire();
            bool any = s_count > 0;
            client = 0;
            sequence = 0;
            payload = 0;
            if (any)
            {
                client = s_ring[s_head];
                s_head = (s_head + 1) % RingCapacity;
                s_count--;
                sequence = s_sequence[client];
                payload = s_payload[client];
            }
            s_lock.Release(interrupts);
            return any;
        }

        // Service: the answer to `sequence`, unless the client has moved on to a newer request.
        public static void Answer(int client, ulong sequence, ulong answer)
        {
            bool interrupts = s_lock.Acquire();
            if (s_sequence[client] == sequence)
            {
                s_answer[client] = answer;
                s_answeredSequence[client] = sequence;
            }
            s_lock.Release(interrupts);
        }

        public static void WaitForWork() => Scheduler.Wait(ref s_work);

        public static void Wake() => Scheduler.Raise(ref s_work);
    }
}
