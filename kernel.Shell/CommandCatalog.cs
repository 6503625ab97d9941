// The set of top-level commands the shell knows, built once from a table of CommandSpec rows.
// The kernel builds ShellCommands.Catalog; tests build their own catalogs the same way.
// Validate checks the table's invariants once, at start-up (the kernel panics if it fails):
//   - command ids are unique in the whole tree, names unique among siblings, names printable ASCII;
//   - nesting is at most ShellLimits.MaxCommandDepth and each subcommand belongs to one parent;
//   - required positionals come first and a Text positional only last; numeric ranges have Min <= Max
//     (CommandSpec's constructors already keep positionals and subcommands apart);
//   - the flags that apply to a command (its own and its parents') number at most
//     ShellLimits.MaxFlagsPerCommand, and no spelling (name or alias) is used twice among them;
//   - flag spellings start with "--" and contain no '=', space or quote; Choice, ChoiceList and
//     KeyValueList have a non-empty set of words without ',' or ':', ChoiceList and KeyValueList at most
//     ShellLimits.MaxListElements of them, UnsignedList a MaxCount in 1..ShellLimits.MaxListElements.
using System;

namespace KernelStress.Shell;

public sealed class CommandCatalog
{
    private readonly CommandSpec[] _commands;

    public CommandCatalog(CommandSpec[] commands)
    {
        _commands = commands;
    }

    public int Count => _commands.Length;

    public CommandSpec this[int index] => _commands[index];

    public CommandSpec? Find(ReadOnlySpan<byte> name)
    {
        for (int i = 0; i < _commands.Length; i++)
        {
            if (AsciiText.Equals(_commands[i].Name, name))
            {
                return _commands[i];
            }
        }
        return null;
    }

    /// <summary>Checks every invariant listed above; on the first violation describes it in <paramref name="error"/>.</summary>
    public bool Validate(ErrorMessage error)
    {
        error.Clear();
        for (int i = 0; i < _commands.Length; i++)
        {
            if (_commands[i].Parent != null)
            {
                error.Write("catalog: '"u8);
                _commands[i].WritePath(error);
                error.Write("' is a subcommand, not a top-level command"u8);
                return false;
            }
            if (!ValidateCommand(_commands[i], error) || !HasUniqueName(_commands, i, error))
            {
                return false;
            }
        }
        return true;
    }

    private bool ValidateCommand(CommandSpec command, ErrorMessage error)
    {
        if (!AsciiText.IsPrintable(command.Name) || command.Name.Length == 0 || command.Depth > ShellLimits.MaxCommandDepth)
        {
            return Fail(command, "its name must be non-empty printable ASCII, nested at most ShellLimits.MaxCommandDepth deep", error);
        }
        if (!HasUniqueId(command, error) || !ValidatePositionals(command, error) || !ValidateFlags(command, error))
        {
            return false;
        }
        for (int i = 0; i < command.Subcommands.Length; i++)
        {
            CommandSpec subcommand = command.Subcommands[i];
            if (subcommand.Parent != command)
            {
                return Fail(subcommand, "it is a subcommand of two commands", error);
            }
            if (!ValidateCommand(subcommand, error) || !HasUniqueName(command.Subcommands, i, error))
            {
                return false;
            }
        }
        return true;
    }

    private bool HasUniqueId(CommandSpec command, ErrorMessage error)
    {
        for (int i = 0; i < _commands.Length; i++)
        {
            if (CountId(_commands[i], command.Id) > 1)
            {
                return Fail(command, "its id is used by another command too", error);
            }
        }
        return true;
    }

    private static int CountId(CommandSpec root, int id)
    {
        int count = root.Id == id ? 1 : 0;
        for (int i = 0; i < root.Subcommands.Length; i++)
        {
            count += CountId(root.Subcommands[i], id);
        }
        return count;
    }

    private static bool HasUniqueName(CommandSpec[] siblings, int index, ErrorMessage error)
    {
        for (int i = 0; i < index; i++)
        {
            if (AsciiText.Equals(siblings[i].Name, siblings[index].Name))
            {
                return Fail(siblings[index], "its name is used twice", error);
            }
        }
        return true;
    }

    private static bool ValidatePositionals(CommandSpec command, ErrorMessage error)
    {
        PositionalSpec[] positionals = command.Positionals;
        for (int i = 0; i < positionals.Length; i++)
        {
            PositionalSpec positional = positionals[i];
            bool misplacedRequired = positional.Required && i > 0 && !positionals[i - 1].Required;
            bool misplacedText = positional.Kind == PositionalKind.Text && i != positionals.Length - 1;
            if (misplacedRequired || misplacedText || positional.Min > positional.Max || !AsciiText.IsPrintable(positional.Name))
            {
                return Fail(command, "its positionals must be required first, Text last, with Min <= Max", error);
            }
        }
        return true;
    }

    private static bool ValidateFlags(CommandSpec command, ErrorMessage error)
    {
        int count = 0;
        for (CommandSpec? owner = command; owner != null; owner = owner.Parent)
        {
            for (int i = 0; i < owner.Flags.Length; i++)
            {
                FlagSpec flag = owner.Flags[i];
                count++;
                if (!IsWellFormed(flag))
                {
                    error.Write("catalog: flag "u8);
                    error.Write(flag.Name);
                    error.Write(" is malformed (spelling, range, choices or count)"u8);
                    return false;
                }
                if (SpellingUsedBefore(command, owner, i, flag, error))
                {
                    return false;
                }
            }
        }
        if (count > ShellLimits.MaxFlagsPerCommand)
        {
            return Fail(command, "more than ShellLimits.MaxFlagsPerCommand flags apply to it", error);
        }
        return true;
    }

    private static bool IsWellFormed(FlagSpec flag)
    {
        if (!IsFlagSpelling(flag.Name))
        {
            return false;
        }
        for (int i = 0; i < flag.Aliases.Length; i++)
        {
            if (!IsFlagSpelling(flag.Aliases[i]))
            {
                return false;
            }
        }
        for (int i = 0; i < flag.Choices.Length; i++)
        {
            if (flag.Choices[i].Length == 0 || !AsciiText.IsPrintable(flag.Choices[i])
                || AsciiText.IndexOf(flag.Choices[i], ',') >= 0 || AsciiText.IndexOf(flag.Choices[i], ':') >= 0)
            {
                return false;
            }
        }
        switch (flag.Kind)
        {
            case FlagKind.Switch:
                return true;
            case FlagKind.Unsigned:
                return flag.Min <= flag.Max;
            case FlagKind.Choice:
                return flag.Choices.Length > 0;
            case FlagKind.UnsignedList:
                return flag.Min <= flag.Max && flag.MaxCount >= 1 && flag.MaxCount <= ShellLimits.MaxListElements;
            default: // ChoiceList, KeyValueList
                return flag.Min <= flag.Max && flag.Choices.Length >= 1 && flag.Choices.Length <= ShellLimits.MaxListElements;
        }
    }

    private static bool IsFlagSpelling(string spelling)
    {
        if (spelling.Length < 3 || spelling[0] != '-' || spelling[1] != '-' || !AsciiText.IsPrintable(spelling))
        {
            return false;
        }
        return AsciiText.IndexOf(spelling, '=') < 0 && AsciiText.IndexOf(spelling, ' ') < 0 && AsciiText.IndexOf(spelling, '"') < 0;
    }

    /// <summary>
    /// True (and describes it) when a spelling of <paramref name="flag"/>, the flag at
    /// <paramref name="index"/> of <paramref name="owner"/>, is already used by a flag that also applies
    /// to <paramref name="command"/> and comes earlier in the walk from the command up to the root.
    /// </summary>
    private static bool SpellingUsedBefore(CommandSpec command, CommandSpec owner, int index, FlagSpec flag, ErrorMessage error)
    {
        for (CommandSpec? earlier = command; earlier != null; earlier = earlier.Parent)
        {
            int end = earlier == owner ? index : earlier.Flags.Length;
            for (int i = 0; i < end; i++)
            {
                FlagSpec other = earlier.Flags[i];
                if (SharesSpelling(flag, other))
                {
                    error.Write("catalog: flag "u8);
                    error.Write(flag.Name);
                    error.Write(" shares a spelling with "u8);
                    error.Write(other.Name);
                    error.Write(" in '"u8);
                    command.WritePath(error);
                    error.Write("'"u8);
                    return true;
                }
            }
            if (earlier == owner)
            {
                return false;
            }
        }
        return false;
    }

    private static bool SharesSpelling(FlagSpec flag, FlagSpec other)
    {
        if (other.Matches(flag.Name))
        {
            return true;
        }
        for (int i = 0; i < flag.Aliases.Length; i++)
        {
            if (other.Matches(flag.Aliases[i]))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Fail(CommandSpec command, string reason, ErrorMessage error)
    {
        error.Write("catalog: '"u8);
        command.WritePath(error);
        error.Write("': "u8);
        error.Write(reason);
        return false;
    }
}
