// `stresstest mix --ops N --weights memory:W,commands:W,noise:W` (the stress-smoke plan's
// 40/40/20 rollout mix, "fast-forward": no pauses): N operations on the shell
// thread, each kind drawn by weight from the run's seed:
//  memory:   a kernel-heap block of 2 KiB +- 50 % allocated, written end to
//            end, checked and freed (fails when the heap refuses or the
//            block came back altered);
//  commands: a random valid command through the real parser and dispatcher
//            (fails on an error line);
//  noise:    a garbage line of 1-80 random bytes, at least one not ASCII,
//            which the parser must reject (fails when it is accepted).
// Every operation is timed into op_latency. Thresholds (the stress-smoke plan): throughput
// over 100 ops/s and p99 under 50 ms, else PARTIAL; failed operations over
// 1 % FAIL. policies/mix.json gives `./kstress validate` the same levels.
using System;
using KernelStress.Kernel.Memory;
using KernelStress.Kernel.Time;
using KernelStress.Metrics;
using KernelStress.Prng;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Mix
{
    internal static unsafe class MixWorkload
    {
        public const int Kinds = 3;
        private const ulong StreamBase = 160;
        private const uint BaseBlock = 2048;
        private const int MaxNoiseLength = 80;
        private const long MinThroughput = 100;
        private const ulong P99LimitNs = 50_000_000;
        private const long FailPpm = 10_000;

        private static readonly ulong[] s_weights = new ulong[Kinds];
        private static readonly long[] s_ops = new long[Kinds];
        private static readonly long[] s_failed = new long[Kinds];
        private static readonly byte[] s_noise = new byte[MaxNoiseLength];
        private static readonly ShellDriver s_driver = new ShellDriver();
        private static readonly ParsedCommand s_parsed = new ParsedCommand();
        private static ulong s_opsWanted;
        private static LatencyHistogram? s_latency;

        public static ulong OpsWanted => s_opsWanted;

        public static ReadOnlySpan<byte> KindName(int kind) => kind switch
        {
            0 => "memory"u8,
            1 => "commands"u8,
            _ => "noise"u8,
        };

        // Weights in KindName order (the --weights keys); their sum is positive.
        public static void Configure(ulong ops, ulong memory, ulong commands, ulong noise)
        {
            s_opsWanted = ops;
            s_weights[0] = memory;
            s_weights[1] = commands;
            s_weights[2] = noise;
        }

        public static void Run(LatencyHistogram latency, delegate*<bool> poll)
        {
            s_latency = latency;
            var random = new Xorshift64Star(StressStreams.Derive(StressRun.Options.Seed, StreamBase));
            ulong total = s_weights[0] + s_weights[1] + s_weights[2];
            for (int k = 0; k < Kinds; k++)
            {
                s_ops[k] = 0;
                s_failed[k] = 0;
            }
            for (ulong op = 0; op < s_opsWanted; op++)
            {
                // The coordinator's clock and Ctrl-C every 256 operations: a poll costs more than an operation.
                if ((op & 255) == 0 && poll() && StressRun.Cancelled)
                    break;
                ulong draw = random.Range(0UL, total);
                int kind = draw < s_weights[0] ? 0 : draw < s_weights[0] + s_weights[1] ? 1 : 2;
                ulong start = Clock.NowNanoseconds;
                bool ok = kind == 0 ? Memory(ref random) : kind == 1 ? s_driver.RunRandom(ref random) == 0 : Noise(ref random);
                latency.Record(Clock.NowNanoseconds - start);
                s_ops[kind]++;
                if (!ok)
                    s_failed[kind]++;
            }
            StressRun.Set(StressCounter.Ops, s_ops[0] + s_ops[1] + s_ops[2]);
            StressRun.Set(StressCounter.Failed, s_failed[0] + s_failed[1] + s_failed[2]);
            StressRun.Set(MixCounters.MemoryOps, s_ops[0]);
            StressRun.Set(MixCounters.CommandOps, s_ops[1]);
            StressRun.Set(MixCounters.NoiseOps, s_ops[2]);
        }

        private static bool Memory(ref Xorshift64Star random)
        {
            uint size = (uint)random.Range((int)(BaseBlock / 2), (int)(BaseBlock * 3 / 2) + 1);
            byte* block = (byte*)KernelHeap.Allocate(size, 0);
            if (block == null)
                return false;
            byte mark = (byte)random.NextU32();
            for (uint i = 0; i < size; i++)
                block[i] = (byte)(mark + i);
            bool intact = true;
            for (uint i = 0; i < size; i++)
                intact &= block[i] == (byte)(mark + i);
            KernelHeap.Free((nuint)block);
            return intact;
        }

        private static bool Noise(ref Xorshift64Star random)
        {
            int length = random.Range(1, MaxNoiseLength + 1);
            for (int i = 0; i < length; i++)
                s_noise[i] = (byte)random.NextU32();
            s_noise[random.Range(0, length)] |= 0x80;
            return CommandParser.Parse(ShellCommands.Catalog, new ReadOnlySpan<byte>(s_noise, 0, length), s_parsed) == ParseStatus.Error;
        }

        public static void Judge(TextSink reason)
        {
            if (StressRun.Verdict == StressVerdict.Fail)
                return;
            long ops = StressRun.Get(StressCounter.Ops);
            long failed = StressRun.Get(StressCounter.Failed);
            ulong durationMs = StressRun.DurationMs == 0 ? 1 : StressRun.DurationMs;
            long throughput = (long)((ulong)ops * 1000 / durationMs);
            s_latency!.Snapshot(StressRun.Snapshot);
            ulong p99 = StressRun.Snapshot.Summarize().P99;
            reason.WriteDecimal(ops);
            reason.Write(" operations at "u8);
            reason.WriteDecimal(throughput);
            reason.Write(" ops/s (needs > 100), p99 "u8);
            reason.WriteDecimal(p99 / 1000);
            reason.Write(" us (needs < 50000), "u8);
            reason.WriteDecimal(failed);
            reason.Write(" failed"u8);
            if (ops > 0 && failed * 1_000_000 / ops > FailPpm)
                StressRun.Judge(StressVerdict.Fail);
            else if (throughput <= MinThroughput || p99 >= P99LimitNs)
                StressRun.Judge(StressVerdict.Partial);
        }

        // "  Mix: memory 4012 (failed 0), commands 3987 (failed 0), noise 2001 (failed 0)"
        public static void Print(TextSink output)
        {
            output.Write("  Mix:"u8);
            for (int k = 0; k < Kinds; k++)
            {
                output.Write(k == 0 ? " "u8 : ", "u8);
                output.Write(KindName(k));
                output.Write(" "u8);
                output.WriteDecimal(s_ops[k]);
                output.Write(" (failed "u8);
                output.WriteDecimal(s_failed[k]);
                output.Write(")"u8);
            }
            output.WriteLine();
        }
    }
}
