// Names indexed by an enum: one u8 literal with a name per member, in the
// enum's order, separated by '|' ("ops|failed|..."). The constructor takes the
// enum's member count and halts when the literal has more or fewer names, so a
// member added without its name stops the kernel the first time the table is
// used (every table here is used by a boot test), instead of printing some
// other member's name as a `_ =>` default would.
using System;

namespace KernelStress.Kernel.Runtime
{
    internal readonly struct NameTable
    {
        private readonly LiteralName _names;

        public NameTable(ReadOnlySpan<byte> names, int count)
        {
            _names = new LiteralName(names);
            if (CountOf(names) != count)
                Panic.Halt("names"u8, "a name table has more or fewer names than its enum has members"u8);
        }

        public ReadOnlySpan<byte> this[int index]
        {
            get
            {
                ReadOnlySpan<byte> names = _names.Span;
                int start = 0;
                int seen = 0;
                for (int end = 0; end <= names.Length; end++)
                {
                    if (end < names.Length && names[end] != (byte)'|')
                        continue;
                    if (seen == index)
                        return names.Slice(start, end - start);
                    seen++;
                    start = end + 1;
                }
                return default;
            }
        }

        public static int CountOf(ReadOnlySpan<byte> names)
        {
            int count = 0;
            while (Next(ref names, out _))
                count++;
            return count;
        }

        // Takes the first name off `names`; false when none is left.
        public static bool Next(ref ReadOnlySpan<byte> names, out ReadOnlySpan<byte> name)
        {
            if (names.Length == 0)
            {
                name = default;
                return false;
            }
            int end = 0;
            while (end < names.Length && names[end] != (byte)'|')
                end++;
            name = names.Slice(0, end);
            names = end < names.Length ? names.Slice(end + 1) : default;
            return true;
        }
    }
}
