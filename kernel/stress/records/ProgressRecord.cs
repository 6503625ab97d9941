// The `progress` record a run over two seconds emits about once a second:
// test, elapsed_ms, duration_ms, ops, failed, pressure_pct, oom_events.
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Records
{
    internal static class ProgressRecord
    {
        public static void Emit()
        {
            StressOutput.Lock.Lock();
            JsonWriter json = StressOutput.BeginRecord("progress"u8);
            json.WriteString("test"u8, StressKinds.Name(StressRun.Options.Kind));
            json.WriteNumber("elapsed_ms"u8, StressRun.ElapsedMs);
            json.WriteNumber("duration_ms"u8, StressRun.Options.DurationMs);
            json.WriteNumber("ops"u8, StressRun.Get(StressCounter.Ops));
            json.WriteNumber("failed"u8, StressRun.Get(StressCounter.Failed));
            json.WriteNumber("pressure_pct"u8, (ulong)MemoryBudget.PressurePct);
            json.WriteNumber("oom_events"u8, StressRun.Get(StressCounter.OomEvents));
            StressOutput.EndRecord(ref json);
            StressOutput.Lock.Unlock();
        }
    }
}
