// Parses one command line against a catalog into a reusable ParsedCommand, without allocating.
//
// Grammar: COMMAND [SUBCOMMAND...] then, in any order, positional arguments and flags. Subcommand
// names follow the command name directly. A word starting with "--" is a flag; a value flag takes
// its value from "--flag=value" or from the next word (which must not start with "--"). Flags given
// twice, unknown flags, missing or malformed values, missing or extra arguments are errors.
// The first error stops parsing and is the only message (it names the offending word and what is
// accepted); nothing of a failed line should be run.
using System;

namespace KernelStress.Shell;

public static class CommandParser
{
    public static ParseStatus Parse(CommandCatalog catalog, ReadOnlySpan<byte> line, ParsedCommand result)
    {
        result.Reset();
        ErrorMessage error = result.ErrorSink;
        TokenList tokens = result.Tokens;
        if (!Tokenizer.Split(line, tokens, error))
        {
            return result.Fail();
        }
        if (tokens.Count == 0)
        {
            return ParseStatus.Empty;
        }
        CommandSpec? command = catalog.Find(tokens[0]);
        if (command == null)
        {
            error.Write("unknown command "u8);
            error.WriteQuoted(tokens[0]);
            error.Write("; type 'help' for the list"u8);
            return result.Fail();
        }
        int next = 1;
        while (command.Subcommands.Length > 0)
        {
            bool wordFollows = next < tokens.Count && !AsciiText.StartsWithDashes(tokens[next]);
            CommandSpec? subcommand = wordFollows ? command.FindSubcommand(tokens[next]) : null;
            if (subcommand != null)
            {
                command = subcommand;
                next++;
            }
            else if (wordFollows)
            {
                error.Write("unknown argument "u8);
                error.WriteQuoted(tokens[next]);
                WriteForCommand(command, error);
                error.Write(": expected "u8);
                GrammarText.WriteSubcommandNames(command, error);
                return result.Fail();
            }
            else if (command.SubcommandRequired)
            {
                error.Write("missing argument"u8);
                WriteForCommand(command, error);
                error.Write(": expected "u8);
                GrammarText.WriteSubcommandNames(command, error);
                return result.Fail();
            }
            else
            {
                break;
            }
        }
        result.SetCommand(command);
        for (int i = next; i < tokens.Count; i++)
        {
            bool ok = AsciiText.StartsWithDashes(tokens[i])
                ? ParseFlag(tokens, ref i, command, result, error)
                : ParseArgument(tokens, i, command, result, error);
            if (!ok)
            {
                return result.Fail();
            }
        }
        return RequiredArgumentsPresent(command, result, error) ? result.Succeed() : result.Fail();
    }

    /// <summary>Parses the flag at <paramref name="i"/>; advances <paramref name="i"/> past a separate value word.</summary>
    private static bool ParseFlag(TokenList tokens, ref int i, CommandSpec command, ParsedCommand result, ErrorMessage error)
    {
        ReadOnlySpan<byte> word = tokens[i];
        int equals = AsciiText.IndexOf(word, (byte)'=');
        ReadOnlySpan<byte> spelling = equals < 0 ? word : word.Slice(0, equals);
        int index = result.FindApplicableFlag(spelling);
        if (index < 0)
        {
            error.Write("unknown flag "u8);
            error.WriteQuoted(spelling);
            WriteForCommand(command, error);
            error.Write("; accepted: "u8);
            WriteApplicableFlags(result, error);
            return false;
        }
        FlagSpec flag = result.ApplicableFlag(index);
        if (result.IsPresent(index))
        {
            error.Write("flag "u8);
            error.Write(flag.Name);
            error.Write(" given twice"u8);
            if (!AsciiText.Equals(flag.Name, spelling))
            {
                error.Write(" ("u8);
                error.Write(spelling);
                error.Write(" is an alias of it)"u8);
            }
            return false;
        }
        if (flag.Kind == FlagKind.Switch)
        {
            if (equals >= 0)
            {
                error.Write(spelling);
                error.Write(" is a switch and takes no value, got "u8);
                error.WriteQuoted(word);
                return false;
            }
            result.SetPresent(index, 0);
            return true;
        }
        ReadOnlySpan<byte> value;
        if (equals >= 0)
        {
            value = word.Slice(equals + 1);
        }
        else if (i + 1 < tokens.Count && !AsciiText.StartsWithDashes(tokens[i + 1]))
        {
            value = tokens[++i];
        }
        else
        {
            WriteExpects(spelling, flag, error);
            error.Write(", got nothing"u8);
            return false;
        }
        return ParseFlagValue(flag, index, spelling, value, result, error);
    }

    private static bool ParseFlagValue(FlagSpec flag, int index, ReadOnlySpan<byte> spelling, ReadOnlySpan<byte> value,
        ParsedCommand result, ErrorMessage error)
    {
        switch (flag.Kind)
        {
            case FlagKind.Unsigned:
                if (!TryParseInRange(value, flag.Min, flag.Max, out ulong number))
                {
                    WriteGot(spelling, flag, value, error);
                    return false;
                }
                result.SetPresent(index, number);
                return true;
            case FlagKind.Choice:
                int choice = flag.IndexOfChoice(value);
                if (choice < 0)
                {
                    WriteGot(spelling, flag, value, error);
                    return false;
                }
                result.SetPresent(index, (ulong)choice);
                return true;
            default:
                result.SetPresent(index, 0);
                return ParseList(flag, index, spelling, value, result, error);
        }
    }

    /// <summary>Parses the comma-separated elements of an UnsignedList, ChoiceList or KeyValueList value.</summary>
    private static bool ParseList(FlagSpec flag, int index, ReadOnlySpan<byte> spelling, ReadOnlySpan<byte> value,
        ParsedCommand result, ErrorMessage error)
    {
        int count = 0;
        int start = 0;
        for (int end = 0; end <= value.Length; end++)
        {
            if (end < value.Length && value[end] != ',')
            {
                continue;
            }
            ReadOnlySpan<byte> element = value.Slice(start, end - start);
            start = end + 1;
            count++;
            if (count > flag.MaxCount)
            {
                WriteGot(spelling, flag, value, error);
                error.Write(": more than "u8);
                error.WriteDecimal(flag.MaxCount);
                error.Write(" elements"u8);
                return false;
            }
            if (element.IsEmpty)
            {
                WriteGot(spelling, flag, value, error);
                error.Write(": element "u8);
                error.WriteDecimal(count);
                error.Write(" is empty"u8);
                return false;
            }
            int key = -1;
            ReadOnlySpan<byte> numberText = element;
            if (flag.Kind != FlagKind.UnsignedList)
            {
                int colon = AsciiText.IndexOf(element, (byte)':');
                if (flag.Kind == FlagKind.KeyValueList && colon < 0)
                {
                    WriteGot(spelling, flag, value, error);
                    error.Write(": "u8);
                    error.WriteQuoted(element);
                    error.Write(" is not KEY:N"u8);
                    return false;
                }
                ReadOnlySpan<byte> word = flag.Kind == FlagKind.KeyValueList ? element.Slice(0, colon) : element;
                key = flag.IndexOfChoice(word);
                if (key < 0 || result.HasKey(index, key))
                {
                    WriteGot(spelling, flag, value, error);
                    error.Write(key >= 0 ? ": "u8 : flag.Kind == FlagKind.KeyValueList ? ": unknown key "u8 : ": unknown value "u8);
                    error.WriteQuoted(word);
                    if (key >= 0)
                    {
                        error.Write(" given twice"u8);
                    }
                    return false;
                }
                if (flag.Kind == FlagKind.ChoiceList)
                {
                    result.AddListElement(index, (ulong)key, key);
                    continue;
                }
                numberText = element.Slice(colon + 1);
            }
            DecimalParseResult parsed = AsciiParse.Decimal(numberText, out ulong number);
            if (parsed != DecimalParseResult.Ok || number < flag.Min || number > flag.Max)
            {
                WriteGot(spelling, flag, value, error);
                error.Write(": "u8);
                error.WriteQuoted(numberText);
                error.Write(parsed == DecimalParseResult.Overflow || parsed == DecimalParseResult.Ok
                    ? " is out of range"u8
                    : " is not a number"u8);
                return false;
            }
            result.AddListElement(index, number, key);
        }
        return true;
    }

    private static bool ParseArgument(TokenList tokens, int i, CommandSpec command, ParsedCommand result, ErrorMessage error)
    {
        PositionalSpec[] positionals = command.Positionals;
        int position = result.ArgumentCount;
        PositionalSpec? positional =
            position < positionals.Length ? positionals[position]
            : positionals.Length > 0 && positionals[positionals.Length - 1].Kind == PositionalKind.Text ? positionals[positionals.Length - 1]
            : null;
        if (positional == null)
        {
            error.Write("unexpected argument "u8);
            error.WriteQuoted(tokens[i]);
            WriteForCommand(command, error);
            return false;
        }
        ulong number = 0;
        if (positional.Kind == PositionalKind.Unsigned && !TryParseInRange(tokens[i], positional.Min, positional.Max, out number))
        {
            error.Write("argument "u8);
            error.Write(positional.Name);
            error.Write(" of '"u8);
            command.WritePath(error);
            error.Write("' expects "u8);
            GrammarText.WriteAccepted(positional, error);
            error.Write(", got "u8);
            error.WriteQuoted(tokens[i]);
            return false;
        }
        result.AddArgument(i, number);
        return true;
    }

    private static bool RequiredArgumentsPresent(CommandSpec command, ParsedCommand result, ErrorMessage error)
    {
        for (int i = result.ArgumentCount; i < command.Positionals.Length; i++)
        {
            PositionalSpec positional = command.Positionals[i];
            if (positional.Required)
            {
                error.Write("missing argument"u8);
                WriteForCommand(command, error);
                error.Write(": expected "u8);
                error.Write(positional.Name);
                error.Write(", "u8);
                GrammarText.WriteAccepted(positional, error);
                return false;
            }
        }
        return true;
    }

    private static bool TryParseInRange(ReadOnlySpan<byte> text, ulong min, ulong max, out ulong value) =>
        AsciiParse.Decimal(text, out value) == DecimalParseResult.Ok && value >= min && value <= max;

    /// <summary>" for 'stresstest chaos'".</summary>
    private static void WriteForCommand(CommandSpec command, ErrorMessage error)
    {
        error.Write(" for '"u8);
        command.WritePath(error);
        error.Write("'"u8);
    }

    /// <summary>"--seed N, --count K, --json", or "(none)".</summary>
    private static void WriteApplicableFlags(ParsedCommand result, ErrorMessage error)
    {
        if (result.ApplicableFlagCount == 0)
        {
            error.Write("(none)"u8);
        }
        for (int i = 0; i < result.ApplicableFlagCount; i++)
        {
            if (i > 0)
            {
                error.Write(", "u8);
            }
            GrammarText.WriteForm(result.ApplicableFlag(i), error);
        }
    }

    /// <summary>"--fail-rate expects an integer from 0 to 100".</summary>
    private static void WriteExpects(ReadOnlySpan<byte> spelling, FlagSpec flag, ErrorMessage error)
    {
        error.Write(spelling);
        error.Write(" expects "u8);
        GrammarText.WriteAccepted(flag, error);
    }

    /// <summary>"--fail-rate expects an integer from 0 to 100, got '150'".</summary>
    private static void WriteGot(ReadOnlySpan<byte> spelling, FlagSpec flag, ReadOnlySpan<byte> value, ErrorMessage error)
    {
        WriteExpects(spelling, flag, error);
        error.Write(", got "u8);
        error.WriteQuoted(value);
    }
}
