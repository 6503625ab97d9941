// `bench [heap|switch|timer]`: the in-kernel benchmarks, each printed in the stress-test report's
// style (HistogramJson.WriteLine: count, min, p50, p95, p99, max in ns) and emitted as a `result` record with its full
// histograms: kernel heap alloc+free for 16 B..64 KiB, thread context
// switch and timer-interrupt latency. Without a subcommand, all run. Figures are only comparable within
// one run of one machine.
using System;
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Bench;
using KernelStress.Kernel.Console;
using KernelStress.Kernel.Records;
using KernelStress.Metrics;
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell.Commands
{
    internal static class BenchCommand
    {
        public static void RunAll(TextSink output)
        {
            Heap(output);
            Switch(output);
            Timer(output);
        }

        public static void Heap(TextSink output)
        {
            bool completed = HeapBench.Run();
            Span<byte> name = stackalloc byte[32];
            Span<byte> label = stackalloc byte[32];
            JsonWriter json = Begin("bench_heap"u8, completed, completed ? "all sizes measured"u8 : "the heap could not satisfy a request"u8);
            json.WriteNumber("iterations"u8, (ulong)HeapBench.Iterations);
            json.WriteStartObject("histograms"u8);
            for (int s = 0; s < BenchHistograms.HeapSizes; s++)
            {
                BenchHistograms.Heap[s].Snapshot(BenchHistograms.Snapshot);
                int length = Label(name, "alloc_free_"u8, HeapBench.Size(s));
                HistogramJson.Write(ref json, name.Slice(0, length), BenchHistograms.Snapshot);
                int labelLength = Label(label, "Heap alloc+free "u8, HeapBench.Size(s));
                " B"u8.CopyTo(label.Slice(labelLength));
                HistogramJson.WriteLine(output, label.Slice(0, labelLength + 2), BenchHistograms.Snapshot);
            }
            json.WriteEndObject();
            KernelConsole.EndRecord(ref json);
        }

        public static void Switch(TextSink output) =>
            Single(output, SwitchBench.Run(), BenchHistograms.Switch, "Context switch"u8, "bench_switch"u8,
                "two threads yielding to each other"u8, "the benchmark threads could not be started"u8,
                "round_trips"u8, SwitchBench.RoundTrips, "context_switch"u8);

        public static void Timer(TextSink output) =>
            Single(output, TimerBench.Run(), BenchHistograms.Timer, "Timer interrupt latency"u8, "bench_timer"u8,
                "tick handler entry after the tick was due"u8, "the benchmark thread could not be started"u8,
                "samples"u8, TimerBench.Samples, "timer_irq_latency"u8);

        // A benchmark with one histogram: its human line, then its result record.
        private static void Single(TextSink output, bool completed, LatencyHistogram histogram, ReadOnlySpan<byte> label,
            ReadOnlySpan<byte> test, ReadOnlySpan<byte> passReason, ReadOnlySpan<byte> failReason,
            ReadOnlySpan<byte> countName, int count, ReadOnlySpan<byte> histogramName)
        {
            histogram.Snapshot(BenchHistograms.Snapshot);
            HistogramJson.WriteLine(output, label, BenchHistograms.Snapshot);
            JsonWriter json = Begin(test, completed, completed ? passReason : failReason);
            json.WriteNumber(countName, (ulong)count);
            json.WriteStartObject("histograms"u8);
            HistogramJson.Write(ref json, histogramName, BenchHistograms.Snapshot);
            json.WriteEndObject();
            KernelConsole.EndRecord(ref json);
        }

        private static JsonWriter Begin(ReadOnlySpan<byte> test, bool completed, ReadOnlySpan<byte> reason)
        {
            JsonWriter json = KernelConsole.BeginRecord("result"u8);
            json.WriteString("test"u8, test);
            json.WriteString("arch"u8, Cpu.ArchName());
            json.WriteString("verdict"u8, completed ? "PASS"u8 : "FAIL"u8);
            json.WriteString("reason"u8, reason);
            return json;
        }

        // "prefix<number>" into `destination`; returns its length.
        private static int Label(Span<byte> destination, ReadOnlySpan<byte> prefix, ulong number)
        {
            prefix.CopyTo(destination);
            return prefix.Length + AsciiFormat.Decimal(destination.Slice(prefix.Length), number);
        }
    }
}
