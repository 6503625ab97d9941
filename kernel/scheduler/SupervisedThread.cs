// A kernel thread kept alive by a supervisor thread: the supervisor joins the
// worker and, when it died without returning (killed, or a CPU exception in a
// sacrificial worker) and no stop was asked, runs the owner's cleanup (what
// the dead instance held: it cannot give it back itself) and starts a new
// instance. A worker that returns, or one dying after Stop, is not restarted.
// Instances live in a fixed table (the supervisor's thread argument is the
// index); at most MaxSupervised are registered, once, at start-up.
// RestartsEnabled is a test-only switch (stresstest chaos --sabotage): off, the
// supervisor still joins and notices the death, but neither cleans up nor
// restarts, so what depends on the restart must be seen to fail.
using System;
using System.Threading;

namespace KernelStress.Kernel.Scheduling
{
    internal sealed unsafe class SupervisedThread
    {
        private const int MaxSupervised = 4;

        private static readonly SupervisedThread?[] s_table = new SupervisedThread?[MaxSupervised];
        private static int s_count;

        private readonly byte[] _name;
        private readonly delegate*<void> _body;
        private readonly delegate*<void> _cleanup;
        private readonly ThreadPriority _priority;
        private readonly int _index;
        private int _worker = Scheduler.NoThread;
        private int _supervisor = Scheduler.NoThread;
        private int _stop;
        private int _returned;
        private int _restarts;

        // `body` runs until it sees Stopping (or its own reason to end) and returns;
        // `cleanup` runs after an instance died without returning, before the next starts.
        public SupervisedThread(ReadOnlySpan<byte> name, delegate*<void> body, delegate*<void> cleanup, ThreadPriority priority)
        {
            _name = new byte[name.Length];
            name.CopyTo(_name);
            _body = body;
            _cleanup = cleanup;
            _priority = priority;
            _index = s_count;
            if (s_count == MaxSupervised)
                Panic.Halt("scheduler"u8, "more supervised threads registered than the supervisor table holds"u8);
            s_table[s_count++] = this;
        }

        public bool RestartsEnabled = true;

        // The running instance's thread id, or NoThread.
        public int WorkerId => Volatile.Read(ref _worker);

        public bool Running => WorkerId != Scheduler.NoThread;

        public bool Stopping => Volatile.Read(ref _stop) != 0;

        // Instances started after a death, since Start.
        public int Restarts => Volatile.Read(ref _restarts);

        // Starts the first instance and its supervisor; false (nothing left running) if either could not start.
        public bool Start()
        {
            Volatile.Write(ref _stop, 0);
            Volatile.Write(ref _restarts, 0);
            if (!SpawnWorker())
                return false;
            int supervisor = Scheduler.Spawn("supervisor"u8, &Supervise, _index, ThreadPriority.High);
            if (supervisor >= 0)
            {
                Volatile.Write(ref _supervisor, supervisor);
                return true;
            }
            Volatile.Write(ref _stop, 1);
            Scheduler.Join(WorkerId);
            Volatile.Write(ref _worker, Scheduler.NoThread);
            return false;
        }

        // Asks the instance to return and waits for it and its supervisor.
        public void Stop()
        {
            int supervisor = Volatile.Read(ref _supervisor);
            if (supervisor == Scheduler.NoThread)
                return;
            Volatile.Write(ref _stop, 1);
            Scheduler.Join(supervisor);
            Volatile.Write(ref _supervisor, Scheduler.NoThread);
        }

        // Kills the running instance (it dies at its next switch point); the supervisor takes it from there.
        public bool Kill()
        {
            int worker = WorkerId;
            return worker != Scheduler.NoThread && Scheduler.Kill(worker);
        }

        private bool SpawnWorker()
        {
            Volatile.Write(ref _returned, 0);
            int id = Scheduler.Spawn(_name, &RunWorker, _index, _priority);
            Volatile.Write(ref _worker, id < 0 ? Scheduler.NoThread : id);
            return id >= 0;
        }

        private static void RunWorker(nint index)
        {
            SupervisedThread self = s_table[(int)index]!;
            self._body();
            Volatile.Write(ref self._returned, 1);
        }

        private static void Supervise(nint index)
        {
            SupervisedThread self = s_table[(int)index]!;
            while (true)
            {
                Scheduler.Join(self.WorkerId);
                bool died = Volatile.Read(ref self._returned) == 0;
                if (!died || self.Stopping || !self.RestartsEnabled)
                    break;
                self._cleanup();
                if (!self.SpawnWorker())
                    return;
                Interlocked.Increment(ref self._restarts);
            }
            Volatile.Write(ref self._worker, Scheduler.NoThread);
        }
    }
}
