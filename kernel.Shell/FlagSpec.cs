// One row of the flag grammar: name, aliases, value shape and range, and the one-line summary that
// `help COMMAND` prints. Built once at start-up by the static factories; never changed afterwards
// (CommandCatalog.Validate checks the rows: names start with "--", ranges are ordered, sets are
// non-empty, list counts fit ShellLimits.MaxListElements). No `params`: the kernel corelib need not
// define ParamArrayAttribute, so aliases are an optional array: aliases: new[] { "--failure-rate" }.
using System;

namespace KernelStress.Shell;

public sealed class FlagSpec
{
    private FlagSpec(FlagKind kind, string name, string valueName, ulong min, ulong max, string[] choices,
        int maxCount, string summary, string[]? aliases)
    {
        Kind = kind;
        Name = name;
        ValueName = valueName;
        Min = min;
        Max = max;
        Choices = choices;
        MaxCount = maxCount;
        Summary = summary;
        Aliases = aliases ?? new string[0];
    }

    public FlagKind Kind { get; }

    /// <summary>The canonical spelling, dashes included: "--fail-rate".</summary>
    public string Name { get; }

    /// <summary>Other accepted spellings, dashes included: "--failure-rate".</summary>
    public string[] Aliases { get; }

    /// <summary>The placeholder in usage lines ("PCT", "MS", "COMPONENT", "KEY:PCT"); empty for Switch and Choice.</summary>
    public string ValueName { get; }

    /// <summary>Inclusive range of the number (Unsigned) or of each element (UnsignedList, KeyValueList).</summary>
    public ulong Min { get; }

    public ulong Max { get; }

    /// <summary>Choice and ChoiceList: the accepted words. KeyValueList: the accepted keys. Otherwise empty.</summary>
    public string[] Choices { get; }

    /// <summary>UnsignedList: most elements. ChoiceList and KeyValueList: the word count (each word at most once).</summary>
    public int MaxCount { get; }

    public string Summary { get; }

    public static FlagSpec Switch(string name, string summary, string[]? aliases = null) =>
        new FlagSpec(FlagKind.Switch, name, "", 0, 0, new string[0], 0, summary, aliases);

    public static FlagSpec Unsigned(string name, string valueName, ulong min, ulong max, string summary,
        string[]? aliases = null) =>
        new FlagSpec(FlagKind.Unsigned, name, valueName, min, max, new string[0], 0, summary, aliases);

    public static FlagSpec Choice(string name, string[] choices, string summary, string[]? aliases = null) =>
        new FlagSpec(FlagKind.Choice, name, "", 0, 0, choices, 0, summary, aliases);

    public static FlagSpec UnsignedList(string name, string valueName, ulong min, ulong max, int maxCount,
        string summary, string[]? aliases = null) =>
        new FlagSpec(FlagKind.UnsignedList, name, valueName, min, max, new string[0], maxCount, summary, aliases);

    public static FlagSpec ChoiceList(string name, string valueName, string[] choices, string summary,
        string[]? aliases = null) =>
        new FlagSpec(FlagKind.ChoiceList, name, valueName, 0, 0, choices, choices.Length, summary, aliases);

    public static FlagSpec KeyValueList(string name, string valueName, string[] keys, ulong min, ulong max,
        string summary, string[]? aliases = null) =>
        new FlagSpec(FlagKind.KeyValueList, name, valueName, min, max, keys, keys.Length, summary, aliases);

    /// <summary>True when <paramref name="spelling"/> is the name or one of the aliases.</summary>
    public bool Matches(ReadOnlySpan<byte> spelling)
    {
        if (AsciiText.Equals(Name, spelling))
        {
            return true;
        }
        for (int i = 0; i < Aliases.Length; i++)
        {
            if (AsciiText.Equals(Aliases[i], spelling))
            {
                return true;
            }
        }
        return false;
    }

    internal bool Matches(string spelling)
    {
        if (AsciiText.Equals(Name, spelling))
        {
            return true;
        }
        for (int i = 0; i < Aliases.Length; i++)
        {
            if (AsciiText.Equals(Aliases[i], spelling))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Index of <paramref name="word"/> in <see cref="Choices"/>, or -1.</summary>
    public int IndexOfChoice(ReadOnlySpan<byte> word)
    {
        for (int i = 0; i < Choices.Length; i++)
        {
            if (AsciiText.Equals(Choices[i], word))
            {
                return i;
            }
        }
        return -1;
    }
}
