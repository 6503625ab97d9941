// The words that describe the grammar to a person: a flag's form ("--seed N"), what a value must be
// ("an integer from 0 to 100"), a usage line. Error messages and help output share them, so they
// always agree with each other and with what the parser accepts.
namespace KernelStress.Shell;

internal static class GrammarText
{
    /// <summary>"--json", "--seed N", "--gen xorshift64|xorshift64star", "--levels PCT,...".</summary>
    public static void WriteForm(FlagSpec flag, TextSink sink)
    {
        sink.Write(flag.Name);
        switch (flag.Kind)
        {
            case FlagKind.Switch:
                return;
            case FlagKind.Choice:
                sink.Write(" "u8);
                WriteAlternatives(flag.Choices, sink);
                return;
            case FlagKind.Unsigned:
                sink.Write(" "u8);
                sink.Write(flag.ValueName);
                return;
            default: // the lists
                sink.Write(" "u8);
                sink.Write(flag.ValueName);
                sink.Write(",..."u8);
                return;
        }
    }

    /// <summary>What the flag's value must be, as the object of "expects": "an integer from 0 to 100".</summary>
    public static void WriteAccepted(FlagSpec flag, TextSink sink)
    {
        switch (flag.Kind)
        {
            case FlagKind.Switch:
                sink.Write("no value"u8);
                return;
            case FlagKind.Unsigned:
                WriteRange(flag.Min, flag.Max, sink);
                return;
            case FlagKind.Choice:
                sink.Write("one of "u8);
                WriteAlternatives(flag.Choices, sink);
                return;
            case FlagKind.ChoiceList:
                sink.Write("a comma-separated list of "u8);
                WriteAlternatives(flag.Choices, sink);
                sink.Write(" (each at most once)"u8);
                return;
            case FlagKind.UnsignedList:
                sink.Write("a comma-separated list of up to "u8);
                sink.WriteDecimal(flag.MaxCount);
                sink.Write(" integers from "u8);
                sink.WriteDecimal(flag.Min);
                sink.Write(" to "u8);
                sink.WriteDecimal(flag.Max);
                return;
            default: // KeyValueList
                sink.Write("a comma-separated list of KEY:N with KEY one of "u8);
                WriteAlternatives(flag.Choices, sink);
                sink.Write(" (each at most once) and N from "u8);
                sink.WriteDecimal(flag.Min);
                sink.Write(" to "u8);
                sink.WriteDecimal(flag.Max);
                return;
        }
    }

    /// <summary>What a positional argument must be: "an integer from 1 to 3600000", "one or more words".</summary>
    public static void WriteAccepted(PositionalSpec positional, TextSink sink)
    {
        if (positional.Kind == PositionalKind.Unsigned)
        {
            WriteRange(positional.Min, positional.Max, sink);
        }
        else
        {
            sink.Write("one or more words"u8);
        }
    }

    /// <summary>"a|b|c".</summary>
    public static void WriteAlternatives(string[] words, TextSink sink)
    {
        for (int i = 0; i < words.Length; i++)
        {
            if (i > 0)
            {
                sink.Write("|"u8);
            }
            sink.Write(words[i]);
        }
    }

    /// <summary>"on|off|status": the subcommand names of <paramref name="command"/>.</summary>
    public static void WriteSubcommandNames(CommandSpec command, TextSink sink)
    {
        for (int i = 0; i < command.Subcommands.Length; i++)
        {
            if (i > 0)
            {
                sink.Write("|"u8);
            }
            sink.Write(command.Subcommands[i].Name);
        }
    }

    /// <summary>
    /// The usage line without a prefix: "stresstest chaos [--duration MS] [--fail-rate PCT]",
    /// "autonomy on|off|status", "metrics [reset]", "echo [TEXT...]", "sleep MS".
    /// </summary>
    public static void WriteUsage(CommandSpec command, TextSink sink)
    {
        command.WritePath(sink);
        if (command.Subcommands.Length > 0)
        {
            sink.Write(command.SubcommandRequired ? " "u8 : " ["u8);
            WriteSubcommandNames(command, sink);
            if (!command.SubcommandRequired)
            {
                sink.Write("]"u8);
            }
        }
        for (int i = 0; i < command.Positionals.Length; i++)
        {
            PositionalSpec positional = command.Positionals[i];
            sink.Write(positional.Required ? " "u8 : " ["u8);
            sink.Write(positional.Name);
            if (positional.Kind == PositionalKind.Text)
            {
                sink.Write("..."u8);
            }
            if (!positional.Required)
            {
                sink.Write("]"u8);
            }
        }
        WriteFlagUsage(command, sink);
    }

    /// <summary>Every flag that applies to the command, the outermost command's first: " [--seed N]".</summary>
    private static void WriteFlagUsage(CommandSpec command, TextSink sink)
    {
        if (command.Parent != null)
        {
            WriteFlagUsage(command.Parent, sink);
        }
        for (int i = 0; i < command.Flags.Length; i++)
        {
            sink.Write(" ["u8);
            WriteForm(command.Flags[i], sink);
            sink.Write("]"u8);
        }
    }

    private static void WriteRange(ulong min, ulong max, TextSink sink)
    {
        sink.Write("an integer from "u8);
        sink.WriteDecimal(min);
        sink.Write(" to "u8);
        sink.WriteDecimal(max);
    }
}
