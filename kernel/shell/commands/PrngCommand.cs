// `prng [--seed N] [--count K] [--gen xorshift64|xorshift64star]`: K outputs of
// the chosen generator, one decimal per line, then a result record with the
// seed, the first and last outputs and the XOR of all of them, so the host can
// check the kernel's stream against the same portable code run on the host.
using System;
using KernelStress.Kernel.Console;
using KernelStress.Prng;
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell.Commands
{
    internal static class PrngCommand
    {
        private const ulong DefaultCount = 10;
        private const int Xorshift64Choice = 0;
        private const int Xorshift64StarChoice = 1;

        public static void Run(ParsedCommand command, TextSink output)
        {
            ulong seed = RunSeed.Choose(command.TryGetUnsigned(ShellCommands.PrngSeed, out ulong given), given);
            ulong count = command.GetUnsigned(ShellCommands.PrngCount, DefaultCount);
            int generator = command.GetChoice(ShellCommands.PrngGenerator, Xorshift64StarChoice);
            ReadOnlySpan<byte> name = generator == Xorshift64Choice ? "xorshift64"u8 : "xorshift64star"u8;

            output.Write("prng: gen="u8);
            output.Write(name);
            output.Write(" seed="u8);
            output.WriteDecimal(seed);
            output.Write(" count="u8);
            output.WriteDecimal(count);
            output.WriteLine();

            Summary summary;
            if (generator == Xorshift64Choice)
            {
                var g = new Xorshift64(seed);
                summary = Print(ref g, count, output);
            }
            else
            {
                var g = new Xorshift64Star(seed);
                summary = Print(ref g, count, output);
            }

            JsonWriter json = KernelConsole.BeginRecord("result"u8);
            json.WriteString("test"u8, "prng"u8);
            json.WriteString("verdict"u8, "PASS"u8);
            json.WriteString("gen"u8, name);
            json.WriteNumber("seed"u8, seed);
            json.WriteNumber("count"u8, count);
            json.WriteNumber("first"u8, summary.First);
            json.WriteNumber("last"u8, summary.Last);
            json.WriteNumber("xor"u8, summary.Xor);
            KernelConsole.EndRecord(ref json);
        }

        private struct Summary
        {
            public ulong First;
            public ulong Last;
            public ulong Xor;
        }

        private static Summary Print<TGen>(ref TGen generator, ulong count, TextSink output) where TGen : struct, IRandomSource
        {
            Summary summary = default;
            for (ulong i = 0; i < count; i++)
            {
                ulong value = generator.NextU64();
                if (i == 0)
                    summary.First = value;
                summary.Last = value;
                summary.Xor ^= value;
                output.WriteDecimal(value);
                output.WriteLine();
            }
            return summary;
        }
    }
}
