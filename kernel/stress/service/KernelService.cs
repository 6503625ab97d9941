// The in-kernel service behind `stresstest concurrency` and `stresstest
// recovery`: one thread that answers the requests in ServiceChannel, and its
// supervisor, which joins it and, while the run goes on, starts a new one when
// it dies (as a killed thread does) — timing each restart from the moment the
// kill was requested. Stop ends both: the service sees the flag and returns,
// the supervisor sees it after its Join and returns too.
// RestartsEnabled is a test-only switch (stresstest recovery --sabotage
// restart): off, the supervisor notices the death and returns without a restart.
// AnswersClientZero is one too (stresstest concurrency --sabotage answers):
// off, the service takes client 0's requests and never answers them.
using System.Threading;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Time;

namespace KernelStress.Kernel.Stress.Service
{
    internal static unsafe class KernelService
    {
        private static int s_service;
        private static int s_supervisor;
        private static int s_stop;
        private static int s_restarts;
        private static int s_restartFailures;
        private static ulong s_killedAt;
        private static ulong s_restartedAt;

        public static bool RestartsEnabled = true;

        public static bool AnswersClientZero = true;

        public static int ServiceId => Volatile.Read(ref s_service);

        public static int Restarts => Volatile.Read(ref s_restarts);

        public static int RestartFailures => s_restartFailures;

        // When the latest restart happened (clock ns), 0 before the first.
        public static ulong RestartedAt => Volatile.Read(ref s_restartedAt);

        // The service and its supervisor; false if either could not start.
        public static bool Start()
        {
            ServiceChannel.Reset();
            Volatile.Write(ref s_stop, 0);
            s_restarts = 0;
            s_restartFailures = 0;
            s_restartedAt = 0;
            s_service = Scheduler.Spawn("service"u8, &Serve, 0, ThreadPriority.Normal);
            if (s_service < 0)
                return false;
            s_supervisor = Scheduler.Spawn("supervisor"u8, &Supervise, 0, ThreadPriority.High);
            if (s_supervisor >= 0)
                return true;
            Volatile.Write(ref s_stop, 1);
            ServiceChannel.Wake();
            Scheduler.Join(s_service);
            return false;
        }

        // Kills the running service thread (recovery's fault); the kill time is the restart's start.
        public static bool Kill()
        {
            Volatile.Write(ref s_killedAt, Clock.NowNanoseconds);
            return Scheduler.Kill(ServiceId);
        }

        public static void Stop()
        {
            Volatile.Write(ref s_stop, 1);
            ServiceChannel.Wake();
            Scheduler.Join(s_supervisor);
        }

        // How long the latest restart took after its kill.
        public static ulong LastRestartNs => Volatile.Read(ref s_restartedAt) - Volatile.Read(ref s_killedAt);

        private static void Serve(nint unused)
        {
            while (Volatile.Read(ref s_stop) == 0)
            {
                if (ServiceChannel.TryNext(out int client, out ulong sequence, out ulong payload))
                {
                    if (client != 0 || AnswersClientZero)
                        ServiceChannel.Answer(client, sequence, ServiceChannel.Answer(payload));
                }
                else
                {
                    ServiceChannel.WaitForWork();
                }
            }
        }

        private static void Supervise(nint unused)
        {
            while (true)
            {
                Scheduler.Join(ServiceId);
                if (Volatile.Read(ref s_stop) != 0 || !RestartsEnabled)
                    return;
                int id = Scheduler.Spawn("service"u8, &Serve, 0, ThreadPriority.Normal);
                if (id < 0)
                {
                    // Nothing to supervise any more: the run sees the failure and the clients' timeouts.
                    s_restartFailures++;
                    return;
                }
                Volatile.Write(ref s_service, id);
                Volatile.Write(ref s_restartedAt, Clock.NowNanoseconds);
                Interlocked.Increment(ref s_restarts);
            }
        }
    }
}
