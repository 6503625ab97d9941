// Runs command lines through the real shell path — CommandParser against the
// catalog, then CommandDispatcher — with the output captured instead of
// printed, and counts the `error:` lines a command produced. One driver per
// thread that drives the shell (the command flood, the chaos thread).
// Only commands that print human lines (no records) are driven: a record
// would take a seq on the UART from the middle of another thread's output.
using System;
using KernelStress.Kernel.Shell;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress
{
    internal sealed class ShellDriver
    {
        private readonly ParsedCommand _parsed = new ParsedCommand();
        private readonly CaptureSink _output = new CaptureSink(8192);
        private readonly byte[] _line = new byte[ShellLimits.MaxLineLength];

        public ReadOnlySpan<byte> Output => _output.Written;

        // Parses and runs `line`; returns the number of error lines it produced
        // (a parse error is one; a command's own output is scanned).
        public int Run(ReadOnlySpan<byte> line)
        {
            _output.Clear();
            if (CommandParser.Parse(ShellCommands.Catalog, line, _parsed) == ParseStatus.Error)
            {
                _output.WriteLine(_parsed.Error);
                return 1;
            }
            if (_parsed.Status == ParseStatus.Command)
                CommandDispatcher.Run(_parsed, _output);
            return CountErrorLines(_output.Written);
        }

        // A random valid command: echo with 1-6 numbers, version, or help for echo/mem/stresstest.
        public int RunRandom(ref KernelStress.Prng.Xorshift64Star random)
        {
            int kind = random.Range(0, 5);
            ReadOnlySpan<byte> fixedLine = kind switch
            {
                1 => "version"u8,
                2 => "help echo"u8,
                3 => "help stresstest chaos"u8,
                _ => default,
            };
            if (!fixedLine.IsEmpty)
                return Run(fixedLine);
            int length = 0;
            "echo"u8.CopyTo(_line);
            length = 4;
            int words = random.Range(1, 7);
            for (int i = 0; i < words; i++)
            {
                _line[length++] = (byte)' ';
                length += AsciiFormat.Decimal(new Span<byte>(_line, length, _line.Length - length), random.NextU32());
            }
            return Run(new ReadOnlySpan<byte>(_line, 0, length));
        }

        private static bool StartsWithError(ReadOnlySpan<byte> text)
        {
            ReadOnlySpan<byte> prefix = "error:"u8;
            if (text.Length < prefix.Length)
                return false;
            for (int i = 0; i < prefix.Length; i++)
            {
                if (text[i] != prefix[i])
                    return false;
            }
            return true;
        }

        private static int CountErrorLines(ReadOnlySpan<byte> text)
        {
            int errors = 0;
            bool lineStart = true;
            for (int i = 0; i < text.Length; i++)
            {
                if (lineStart && StartsWithError(text.Slice(i)))
                    errors++;
                lineStart = text[i] == (byte)'\n';
            }
            return errors;
        }
    }
}
