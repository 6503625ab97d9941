// Chaos events on the autonomy controller, the learner and the shell.
//  autonomy_flip: the controller is toggled for p us and back; fault: it is
//    killed instead of stopped; invariant: it runs again exactly when it ran
//    before, and allocators are not left throttled. In compare's baseline
//    (its autonomy-off half) the controller is never started: the event waits
//    p us and checks that no controller runs (no fault is injected into it).
//  hot_retrain: the learner replays its last p transitions while the
//    workload runs (measured ones are taken first if it has none); fault: a
//    transition with an out-of-range reward; invariant: it is rejected and
//    the Q-table stays finite.
//  prediction_storm: p forecasts from the controller's predictor; fault: an
//    impossible pressure sample; invariant: it is rejected and forecasts stay
//    in range.
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
using KernelStress.Kernel.Metrics;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Shell;
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

        private static readonly HistogramSnapshot s_telemetrySnapshot = new HistogramSnapshot();
        private static readonly HistogramSnapshot[] s_telemetrySnapshots = CreateSnapshots();
        private static int s_telemetryPerCpu;
        private static int s_telemetryFailures;

        private static HistogramSnapshot[] CreateSnapshots()
        {
            var snapshots = new HistogramSnapshot[Scheduler.MaxCpus];
            for (int i = 0; i < snapshots.Length; i++)
                snapshots[i] = new HistogramSnapshot();
            return snapshots;
        }

        private static bool AutonomyFlip(int microseconds, bool inject, out ulong recoveryNs)
        {
            recoveryNs = 0;
            if (StressRun.Options.Baseline)
            {
                Wait((ulong)microseconds * 1000);
                return !AutonomyController.Running;
            }
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
            ulong start = Clock.NowNanoseconds;
            bool killed = AutonomyController.KillAndJoin();
            if (wasRunning)
                AutonomyController.Start();
            recoveryNs = Clock.NowNanoseconds - start;
            return killed && AutonomyController.Running == wasRunning && !AutonomyController.AllocatorsThrottled;
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
            ulong start = Clock.NowNanoseconds;
            bool rejected = !QLearner.Learn(CurrentState(), MemoryAction.ReleaseCache, QLearner.RewardLimit * 4, CurrentState());
            bool sound = QLearner.TableIsSound();
            recoveryNs = Clock.NowNanoseconds - start;
            return rejected && sound;
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
            ulong start = Clock.NowNanoseconds;
            bool rejected = !predictor.Accept(100 + random.Range(1, 1000));
            double after = predictor.Forecast(1);
            recoveryNs = Clock.NowNanoseconds - start;
            return held && rejected && after >= 0 && after <= PressurePredictor.MaxForecastPct;
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
