// Chaos events on the autonomy controller, the learner and the shell.
//  autonomy_flip: the controller is toggled for p us and back; fault: it is
//    killed while it runs; recovery: its supervisor (SupervisedThread) lifts
//    a throttle the dead one left and starts a new one; invariant: a new
//    controller's loop runs, allocators are not throttled, and it runs
//    afterwards exactly when it ran before.
//  hot_retrain: the learner replays its last p transitions while the
//    workload runs (measured ones are taken first if it has none); fault: a
//    transition with an out-of-range reward; invariant: the learner's reward
//    guard rejects it, the Q value it aimed at is unchanged, the table finite.
//  prediction_storm: p forecasts from the controller's predictor; fault: an
//    impossible pressure sample; invariant: the predictor's sample guard
//    rejects it, its level and trend are unchanged, forecasts stay in range.
//  command_burst: p random commands through the shell dispatcher, output
//    captured; fault: a malformed line among them; invariant: exactly one
//    error line for it, and the next command runs cleanly.
//  telemetry_storm: p `telemetry` records of the chaos events' latency from
//    a thread pinned to each CPU (a histogram only the chaos thread records,
//    and it waits meanwhile: a snapshot waits for writers in flight);
//    fault: a record too big for its writer; invariant: the writer emits an
//    `error` record in its place (never a cut one) and the next record is whole.
using System;
using System.Threading;
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Console;
using KernelStress.Kernel.Metrics;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Stress.Autonomy;
using KernelStress.Kernel.Time;
using KernelStress.Metrics;
using KernelStress.Prng;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Chaos
{
    internal static unsafe partial class ChaosActions
    {
        // Far more numbers than the console writer's 16 KiB hold.
        private const ulong MaxPadding = 1 << 20;

        private static readonly PressurePredictor s_stormPredictor = new PressurePredictor();
        private static readonly HistogramSnapshot s_telemetrySnapshot = new HistogramSnapshot();
        private static readonly HistogramSnapshot[] s_telemetrySnapshots = CreateSnapshots();
        private static int s_telemetryPerCpu;
        private static int s_telemetryFailures;
        private static int s_restartsMark;
        private static long s_loopsMark;

        private static HistogramSnapshot[] CreateSnapshots()
        {
            var snapshots = new HistogramSnapshot[Processors.MaxCpus];
            for (int i = 0; i < snapshots.Length; i++)
                snapshots[i] = new HistogramSnapshot();
            return snapshots;
        }

        private static bool AutonomyFlip(int microseconds, bool inject, out ulong recoveryNs)
        {
            recoveryNs = 0;
            bool wasRunning = AutonomyController.Running;
            if (wasRunning)
                AutonomyController.Stop();
            else if (!AutonomyController.Start())
                return false;
            Wait((ulong)microseconds * 1000);
            if (!inject)
            {
                if (wasRunning)
                    AutonomyController.Start();
                else
                    AutonomyController.Stop();
                return AutonomyController.Running == wasRunning;
            }
            if (wasRunning && !AutonomyController.Start())
                return false;
            s_restartsMark = AutonomyController.Restarts;
            s_loopsMark = -1;
            ulong start = Clock.NowNanoseconds;
            // A throttle now must be the new controller's own, not one the dead one left.
            bool held = AutonomyController.Kill() && WaitFor(&ControllerBack, GiveUpMs)
                && (!AutonomyController.AllocatorsThrottled || AutonomyController.ThrottledAtNs > start);
            recoveryNs = Clock.NowNanoseconds - start;
            if (!held)
            {
                // Judged already: bring the controller back for the events after this one.
                AutonomyController.Stop();
                AutonomyController.Start();
            }
            if (!wasRunning)
                AutonomyController.Stop();
            return held && AutonomyController.Running == wasRunning;
        }

        // The supervisor started a new controller and that one's loop went round.
        private static bool ControllerBack()
        {
            if (AutonomyController.Restarts <= s_restartsMark)
                return false;
            if (s_loopsMark < 0)
                s_loopsMark = AutonomyController.Loops;
            return AutonomyController.Loops > s_loopsMark;
        }

        private static bool HotRetrain(int samples, bool inject, out ulong recoveryNs)
        {
            recoveryNs = 0;
            for (int i = QLearner.ReplayCount; i < samples; i++)
            {
                int state = CurrentState();
                long ops = StressRun.Get(StressCounter.Ops);
                Scheduler.Yield();
                QLearner.Learn(state, MemoryAction.None, StressRun.Get(StressCounter.Ops) - ops, CurrentState());
            }
            QLearner.Replay(samples);
            if (!inject)
                return QLearner.TableIsSound();
            int aimed = CurrentState();
            double before = QLearner.Value(aimed, MemoryAction.ReleaseCache);
            ulong start = Clock.NowNanoseconds;
            bool rejected = !QLearner.Learn(aimed, MemoryAction.ReleaseCache, QLearner.RewardLimit * 4, CurrentState());
            bool unchanged = QLearner.Value(aimed, MemoryAction.ReleaseCache) == before;
            recoveryNs = Clock.NowNanoseconds - start;
            return rejected && unchanged && QLearner.TableIsSound();
        }

        private static int CurrentState() =>
            QLearner.State(MemoryBudget.PressurePct, AutonomyController.Predictor.Trend, AutonomyController.AllocatorsThrottled);

        private static bool PredictionStorm(int count, bool inject, ref Xorshift64Star random, out ulong recoveryNs)
        {
            recoveryNs = 0;
            PressurePredictor predictor = AutonomyController.Predictor;
            bool held = true;
            for (int i = 0; i < count; i++)
            {
                double forecast = predictor.Forecast(random.Range(1, 10));
                held &= forecast >= 0 && forecast <= PressurePredictor.MaxForecastPct;
            }
            if (!inject)
                return held;
            // The fault goes to a predictor of the chaos thread's own, primed from the
            // controller's level: the controller's samples cannot move it meanwhile.
            s_stormPredictor.Reset();
            s_stormPredictor.Accept(predictor.Level);
            s_stormPredictor.Accept(MemoryBudget.PressurePct);
            double level = s_stormPredictor.Level;
            double trend = s_stormPredictor.Trend;
            ulong start = Clock.NowNanoseconds;
            bool rejected = !s_stormPredictor.Accept(100 + random.Range(1, 1000));
            bool unchanged = s_stormPredictor.Level == level && s_stormPredictor.Trend == trend;
            double after = s_stormPredictor.Forecast(1);
            recoveryNs = Clock.NowNanoseconds - start;
            return held && rejected && unchanged && after >= 0 && after <= PressurePredictor.MaxForecastPct;
        }

        private static bool CommandBurst(int count, bool inject, ref Xorshift64Star random, out ulong recoveryNs)
        {
            recoveryNs = 0;
            bool held = true;
            for (int i = 0; i < count; i++)
            {
                if (inject && i == count / 2)
                {
                    ulong start = Clock.NowNanoseconds;
                    bool oneError = s_shell.Run(MalformedLine(random.Range(0, 5))) == 1;
                    bool nextClean = s_shell.RunRandom(ref random) == 0;
                    recoveryNs = Clock.NowNanoseconds - start;
                    held &= oneError && nextClean;
                }
                held &= s_shell.RunRandom(ref random) == 0;
            }
            return held;
        }

        private static ReadOnlySpan<byte> MalformedLine(int index) => index switch
        {
            0 => "frob --now"u8,
            1 => "sleep 0"u8,
            2 => "prng --count 0"u8,
            3 => "stresstest chaos --fail-rate 101"u8,
            _ => "version --bogus"u8,
        };

        private static bool TelemetryStorm(int count, bool inject, out ulong recoveryNs)
        {
            recoveryNs = 0;
            // One emitter pinned to each CPU, count records between them. The chaos
            // thread records nothing meanwhile, so their snapshots never wait.
            int cpus = Scheduler.OnlineCpus;
            s_telemetryPerCpu = (count + cpus - 1) / cpus;
            s_telemetryFailures = 0;
            int started = 0;
            for (int cpu = 0; cpu < cpus && cpu < s_threads.Length; cpu++)
            {
                int id = Scheduler.Spawn("telemetry"u8, &EmitTelemetryShare, cpu, ThreadPriority.Normal, cpu: cpu);
                if (id >= 0)
                    s_threads[started++] = id;
            }
            for (int i = 0; i < started; i++)
                Scheduler.Join(s_threads[i]);
            bool held = started == cpus && Volatile.Read(ref s_telemetryFailures) == 0;
            if (inject)
            {
                ulong start = Clock.NowNanoseconds;
                JsonWriter json = KernelConsole.BeginRecord("telemetry"u8);
                json.WriteStartArray("padding"u8);
                for (ulong i = 0; !json.Overflowed && i < MaxPadding; i++)
                    json.WriteNumberValue(i);
                json.WriteEndArray();
                bool replaced = !KernelConsole.EndRecord(ref json);
                held &= replaced && EmitTelemetry((ulong)count, s_telemetrySnapshot);
                recoveryNs = Clock.NowNanoseconds - start;
            }
            return held;
        }

        private static void EmitTelemetryShare(nint cpu)
        {
            for (int i = 0; i < s_telemetryPerCpu; i++)
            {
                if (!EmitTelemetry((ulong)i, s_telemetrySnapshots[(int)cpu]))
                    Interlocked.Increment(ref s_telemetryFailures);
            }
        }

        // One telemetry record: the chaos events' latency so far, as seen from this CPU.
        private static bool EmitTelemetry(ulong index, HistogramSnapshot snapshot)
        {
            ChaosEngine.EventLatency!.Snapshot(snapshot);
            HistogramSummary summary = snapshot.Summarize();
            JsonWriter json = KernelConsole.BeginRecord("telemetry"u8);
            json.WriteString("source"u8, "chaos"u8);
            json.WriteNumber("index"u8, index);
            json.WriteNumber("cpu"u8, (ulong)CurrentShard.Index());
            json.WriteString("histogram"u8, StressHistograms.Name(StressHistogram.EventLatency));
            json.WriteNumber("count"u8, summary.Count);
            json.WriteNumber("p50_ns"u8, summary.P50);
            json.WriteNumber("p99_ns"u8, summary.P99);
            json.WriteNumber("max_ns"u8, summary.Max);
            return KernelConsole.EndRecord(ref json);
        }
    }
}
