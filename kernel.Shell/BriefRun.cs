// Consecutive records of one type under `records brief` (the chaos telemetry storm sends hundreds):
// the first is printed, the rest are counted, and the count is printed as one line,
// `[telemetry: 386 more, #2..#388]`, when a record of another type comes or the prompt returns.
// Process-wide, like seq; callers hold the console from the record's Begin to its End, and the
// shell holds it around End, so one CPU at a time touches it.
using System;

namespace KernelStress.Shell;

public static class BriefRun
{
    private static readonly byte[] s_type = new byte[RecordWriter.MaxTypeLength];
    private static int s_typeLength;
    private static ulong s_more;
    private static ulong s_first;
    private static ulong s_last;

    /// <summary>True when the record continues the run (it is counted, not printed); otherwise the run ends and this record starts the next.</summary>
    public static bool Continues(TextSink sink, ReadOnlySpan<byte> type, ulong seq)
    {
        if (s_typeLength > 0 && AsciiText.Equals(new ReadOnlySpan<byte>(s_type, 0, s_typeLength), type))
        {
            if (s_more == 0)
                s_first = seq;
            s_more++;
            s_last = seq;
            return true;
        }
        End(sink);
        type.CopyTo(s_type);
        s_typeLength = type.Length;
        return false;
    }

    /// <summary>Prints the count of the records the run did not print, if any, and ends it.</summary>
    public static void End(TextSink sink)
    {
        if (s_more > 0)
        {
            sink.Write("["u8);
            sink.Write(new ReadOnlySpan<byte>(s_type, 0, s_typeLength));
            sink.Write(": "u8);
            sink.WriteDecimal(s_more);
            sink.Write(" more, #"u8);
            sink.WriteDecimal(s_first);
            sink.Write("..#"u8);
            sink.WriteDecimal(s_last);
            sink.WriteLine("]"u8);
        }
        s_typeLength = 0;
        s_more = 0;
    }
}
