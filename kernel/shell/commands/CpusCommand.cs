// `cpus`: one line per CPU the firmware described (index, hardware id, online,
// the thread it runs, ticks taken, the share of them spent idle, switches,
// threads waiting in its run queues) and a `cpus` record with the same.
// Each row is copied under the scheduler lock and printed after.
using System;
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Console;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Smp;
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell.Commands
{
    internal static class CpusCommand
    {
        public static void Run(TextSink output)
        {
            int described = Math.Min(SecondaryCpus.Described, Processors.MaxCpus);
            Span<byte> name = stackalloc byte[KernelThread.MaxNameLength];
            output.WriteLine(" CPU  HW_ID  STATE    THREAD              TICKS  IDLE%   SWITCHES  READY"u8);
            for (int index = 0; index < described; index++)
            {
                bool online = Scheduler.SnapshotCpu(index, out PerCpu cpu, out int ready);
                TableColumns.Number(output, (ulong)index, 4);
                TableColumns.Number(output, SecondaryCpus.HardwareId(index), 7);
                output.Write("  "u8);
                TableColumns.Padded(output, online ? "online"u8 : "offline"u8, 9);
                TableColumns.Padded(output, online ? ThreadName(cpu.Current, name) : "-"u8, 17);
                TableColumns.Number(output, cpu.Ticks, 8);
                ulong idle = IdlePermille(cpu);
                TableColumns.Number(output, idle / 10, 5);
                output.Write("."u8);
                output.WriteDecimal(idle % 10);
                TableColumns.Number(output, cpu.Switches, 11);
                TableColumns.Number(output, (ulong)ready, 7);
                output.WriteLine();
            }

            JsonWriter json = KernelConsole.BeginRecord("cpus"u8);
            json.WriteNumber("described"u8, (ulong)SecondaryCpus.Described);
            json.WriteNumber("online"u8, (ulong)Scheduler.OnlineCpus);
            json.WriteStartArray("cpus"u8);
            for (int index = 0; index < described; index++)
            {
                bool online = Scheduler.SnapshotCpu(index, out PerCpu cpu, out int ready);
                json.WriteStartObject();
                json.WriteNumber("cpu"u8, (ulong)index);
                json.WriteNumber("hardware_id"u8, SecondaryCpus.HardwareId(index));
                json.WriteBoolean("online"u8, online);
                json.WriteNumber("ticks"u8, cpu.Ticks);
                json.WriteNumber("idle_ticks"u8, cpu.IdleTicks);
                json.WriteNumber("switches"u8, cpu.Switches);
                json.WriteNumber("ready"u8, (ulong)ready);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            KernelConsole.EndRecord(ref json);
        }

        private static ReadOnlySpan<byte> ThreadName(int slot, Span<byte> name)
        {
            if (!Scheduler.Snapshot(slot, out KernelThread thread))
                return "-"u8;
            return name.Slice(0, thread.CopyName(name));
        }

        private static ulong IdlePermille(in PerCpu cpu) => cpu.Ticks == 0 ? 0 : cpu.IdleTicks * 1000 / cpu.Ticks;
    }
}
