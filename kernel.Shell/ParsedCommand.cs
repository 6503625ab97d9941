// The result of parsing one line, in a caller-owned object allocated once and reused for every line:
// Parse overwrites it, and nothing it returns allocates. Spans it returns (words, lists, the error)
// stay valid until the next Parse into the same object.
//
// Reading flags: pass the FlagSpec object from the catalog's table. A flag that does not apply to
// the parsed command reads as absent. Invariants after a successful Parse: every flag value is of
// its FlagSpec's kind and within its range; each flag was given at most once; every required
// positional is present and every Unsigned argument is within its range.
using System;

namespace KernelStress.Shell;

public sealed class ParsedCommand
{
    // Each flag is given at most once and a list holds at most ShellLimits.MaxListElements values.
    private const int MaxListValues = ShellLimits.MaxFlagsPerCommand * ShellLimits.MaxListElements;

    private readonly ErrorMessage _error = new ErrorMessage();
    private readonly int[] _argumentToken = new int[ShellLimits.MaxTokens];
    private readonly ulong[] _argumentNumber = new ulong[ShellLimits.MaxTokens];
    // The flags that apply to Command, outermost command's first; parallel arrays per flag.
    private readonly FlagSpec?[] _flags = new FlagSpec?[ShellLimits.MaxFlagsPerCommand];
    private readonly bool[] _present = new bool[ShellLimits.MaxFlagsPerCommand];
    private readonly ulong[] _value = new ulong[ShellLimits.MaxFlagsPerCommand];
    private readonly int[] _listStart = new int[ShellLimits.MaxFlagsPerCommand];
    private readonly int[] _listCount = new int[ShellLimits.MaxFlagsPerCommand];
    // List elements of all flags; _listKey is the word index for ChoiceList and KeyValueList elements.
    private readonly ulong[] _listValue = new ulong[MaxListValues];
    private readonly int[] _listKey = new int[MaxListValues];
    private int _flagCount;
    private int _listUsed;

    public ParseStatus Status { get; private set; }

    /// <summary>The command to run (the innermost subcommand given), or null unless Status is Command.</summary>
    public CommandSpec? Command { get; private set; }

    /// <summary>Command.Id, or -1 unless Status is Command.</summary>
    public int CommandId => Command == null ? -1 : Command.Id;

    /// <summary>The one error line (starting "error: ") when Status is Error; empty otherwise.</summary>
    public ReadOnlySpan<byte> Error => _error.Text;

    /// <summary>All words of the line as typed (quotes removed), command name included.</summary>
    public TokenList Tokens { get; } = new TokenList();

    /// <summary>The positional arguments given, in order (a Text positional contributes one per word).</summary>
    public int ArgumentCount { get; private set; }

    public ReadOnlySpan<byte> Argument(int index) => Tokens[_argumentToken[index]];

    /// <summary>The value of an argument of an Unsigned positional; 0 for other arguments.</summary>
    public ulong ArgumentNumber(int index) => _argumentNumber[index];

    /// <summary>True when the flag was given (any kind).</summary>
    public bool Has(FlagSpec flag) => IndexOf(flag) >= 0;

    /// <summary>An Unsigned flag's value, when given.</summary>
    public bool TryGetUnsigned(FlagSpec flag, out ulong value)
    {
        int index = IndexOf(flag);
        value = index >= 0 ? _value[index] : 0;
        return index >= 0;
    }

    /// <summary>An Unsigned flag's value, or <paramref name="fallback"/> when not given.</summary>
    public ulong GetUnsigned(FlagSpec flag, ulong fallback) => TryGetUnsigned(flag, out ulong value) ? value : fallback;

    /// <summary>A Choice flag's value as an index into FlagSpec.Choices, or <paramref name="fallback"/> when not given.</summary>
    public int GetChoice(FlagSpec flag, int fallback)
    {
        int index = IndexOf(flag);
        return index >= 0 ? (int)_value[index] : fallback;
    }

    /// <summary>
    /// The elements of a list flag in the order given: UnsignedList the numbers, ChoiceList the indices into
    /// FlagSpec.Choices, KeyValueList the N of each pair. Empty when not given.
    /// </summary>
    public ReadOnlySpan<ulong> GetList(FlagSpec flag)
    {
        int index = IndexOf(flag);
        return index >= 0
            ? new ReadOnlySpan<ulong>(_listValue, _listStart[index], _listCount[index])
            : new ReadOnlySpan<ulong>(_listValue, 0, 0);
    }

    /// <summary>The N of the pair KEY:N of a KeyValueList flag, when that key was given.</summary>
    public bool TryGetKeyValue(FlagSpec flag, string key, out ulong value)
    {
        value = 0;
        int index = IndexOf(flag);
        if (index < 0)
        {
            return false;
        }
        for (int i = _listStart[index]; i < _listStart[index] + _listCount[index]; i++)
        {
            if (AsciiText.Equals(flag.Choices[_listKey[i]], key))
            {
                value = _listValue[i];
                return true;
            }
        }
        return false;
    }

    /// <summary>Index of a given flag in the applicable-flags arrays, or -1 when absent or not applicable.</summary>
    private int IndexOf(FlagSpec flag)
    {
        for (int i = 0; i < _flagCount; i++)
        {
            if (_flags[i] == flag)
            {
                return _present[i] ? i : -1;
            }
        }
        return -1;
    }

    // The members below are CommandParser's: they fill the object in.

    internal ErrorMessage ErrorSink => _error;

    internal void Reset()
    {
        Status = ParseStatus.Empty;
        Command = null;
        ArgumentCount = 0;
        _flagCount = 0;
        _listUsed = 0;
        _error.Clear();
    }

    internal ParseStatus Fail()
    {
        Status = ParseStatus.Error;
        Command = null;
        return Status;
    }

    internal ParseStatus Succeed()
    {
        Status = ParseStatus.Command;
        return Status;
    }

    /// <summary>Sets the command and the flags that apply to it (the catalog guarantees they fit).</summary>
    internal void SetCommand(CommandSpec command)
    {
        Command = command;
        _flagCount = 0;
        AddApplicableFlags(command);
    }

    private void AddApplicableFlags(CommandSpec command)
    {
        if (command.Parent != null)
        {
            AddApplicableFlags(command.Parent);
        }
        for (int i = 0; i < command.Flags.Length; i++)
        {
            _flags[_flagCount] = command.Flags[i];
            _present[_flagCount] = false;
            _flagCount++;
        }
    }

    internal int ApplicableFlagCount => _flagCount;

    internal FlagSpec ApplicableFlag(int index) => _flags[index]!;

    /// <summary>Index of the applicable flag spelled <paramref name="spelling"/>, or -1.</summary>
    internal int FindApplicableFlag(ReadOnlySpan<byte> spelling)
    {
        for (int i = 0; i < _flagCount; i++)
        {
            if (_flags[i]!.Matches(spelling))
            {
                return i;
            }
        }
        return -1;
    }

    internal bool IsPresent(int flagIndex) => _present[flagIndex];

    internal void SetPresent(int flagIndex, ulong value)
    {
        _present[flagIndex] = true;
        _value[flagIndex] = value;
        _listStart[flagIndex] = _listUsed;
        _listCount[flagIndex] = 0;
    }

    /// <summary>Appends an element to the list of the flag set present last (FlagSpec.MaxCount bounds it).</summary>
    internal void AddListElement(int flagIndex, ulong value, int key)
    {
        _listValue[_listUsed] = value;
        _listKey[_listUsed] = key;
        _listUsed++;
        _listCount[flagIndex]++;
    }

    /// <summary>True when the list of the flag already holds a pair with this key index.</summary>
    internal bool HasKey(int flagIndex, int key)
    {
        for (int i = _listStart[flagIndex]; i < _listStart[flagIndex] + _listCount[flagIndex]; i++)
        {
            if (_listKey[i] == key)
            {
                return true;
            }
        }
        return false;
    }

    internal void AddArgument(int token, ulong number)
    {
        _argumentToken[ArgumentCount] = token;
        _argumentNumber[ArgumentCount] = number;
        ArgumentCount++;
    }
}
