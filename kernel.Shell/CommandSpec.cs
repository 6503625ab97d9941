// One row of the command grammar: a command, or a subcommand of one (`stresstest chaos`,
// `autonomy on`). A command either takes positional arguments or has subcommands, never both;
// its flags apply to it and to all its subcommands (so `stresstest --seed` is shared by every
// test kind while `stresstest chaos --fail-rate` belongs to chaos only).
// Built once at start-up; never changed, except that a parent sets Parent on its subcommands.
// CommandCatalog.Validate checks the invariants (unique ids and names, depth, flag counts).
using System;

namespace KernelStress.Shell;

public sealed class CommandSpec
{
    /// <summary>A command that takes positional arguments (possibly none) and flags.</summary>
    public CommandSpec(int id, string name, string summary, PositionalSpec[] positionals, FlagSpec[] flags)
    {
        Id = id;
        Name = name;
        Summary = summary;
        Positionals = positionals;
        Flags = flags;
        Subcommands = new CommandSpec[0];
    }

    /// <summary>
    /// A command whose first argument names a subcommand. When <paramref name="subcommandRequired"/>
    /// is false the command also runs alone (`metrics` as well as `metrics reset`), with this id.
    /// </summary>
    public CommandSpec(int id, string name, string summary, FlagSpec[] sharedFlags, bool subcommandRequired,
        CommandSpec[] subcommands)
    {
        Id = id;
        Name = name;
        Summary = summary;
        Positionals = new PositionalSpec[0];
        Flags = sharedFlags;
        SubcommandRequired = subcommandRequired;
        Subcommands = subcommands;
        for (int i = 0; i < subcommands.Length; i++)
        {
            subcommands[i].Parent = this;
        }
    }

    /// <summary>What the kernel switches on; unique within a catalog, subcommands included.</summary>
    public int Id { get; }

    public string Name { get; }

    public string Summary { get; }

    public PositionalSpec[] Positionals { get; }

    /// <summary>The flags this command adds; its parents' flags also apply.</summary>
    public FlagSpec[] Flags { get; }

    public CommandSpec[] Subcommands { get; }

    public bool SubcommandRequired { get; }

    public CommandSpec? Parent { get; private set; }

    /// <summary>1 for a top-level command, 2 for its subcommands, and so on.</summary>
    public int Depth
    {
        get
        {
            int depth = 1;
            for (CommandSpec? parent = Parent; parent != null; parent = parent.Parent)
            {
                depth++;
            }
            return depth;
        }
    }

    public CommandSpec? FindSubcommand(ReadOnlySpan<byte> name)
    {
        for (int i = 0; i < Subcommands.Length; i++)
        {
            if (AsciiText.Equals(Subcommands[i].Name, name))
            {
                return Subcommands[i];
            }
        }
        return null;
    }

    /// <summary>Writes the words that invoke this command: "stresstest chaos".</summary>
    public void WritePath(TextSink sink)
    {
        if (Parent != null)
        {
            Parent.WritePath(sink);
            sink.Write(" "u8);
        }
        sink.Write(Name);
    }
}
