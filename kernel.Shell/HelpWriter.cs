// The output of the `help` command: the list of commands with their one-line summaries, or one
// command's usage line, summary, subcommands, arguments and every flag with its accepted values.
// Everything is derived from the catalog rows (GrammarText), so help cannot drift from the parser.
namespace KernelStress.Shell;

public static class HelpWriter
{
    private const string Indent = "  ";
    private const string DetailIndent = "      ";

    /// <summary>
    /// Runs `help [COMMAND [SUBCOMMAND...]]` as parsed into <paramref name="help"/> (its arguments name
    /// the command). Writes one error line and returns false when they name no command.
    /// </summary>
    public static bool Write(CommandCatalog catalog, ParsedCommand help, TextSink sink)
    {
        if (help.ArgumentCount == 0)
        {
            WriteCommandList(catalog, sink);
            return true;
        }
        CommandSpec? command = catalog.Find(help.Argument(0));
        if (command == null)
        {
            sink.Write("error: unknown command '"u8);
            sink.Write(help.Argument(0));
            sink.WriteLine("'; type 'help' for the list"u8);
            return false;
        }
        for (int i = 1; i < help.ArgumentCount; i++)
        {
            CommandSpec? subcommand = command.FindSubcommand(help.Argument(i));
            if (subcommand == null)
            {
                sink.Write("error: unknown subcommand '"u8);
                sink.Write(help.Argument(i));
                sink.Write("' for '"u8);
                command.WritePath(sink);
                sink.Write("'; type 'help "u8);
                command.WritePath(sink);
                sink.WriteLine("' for the list"u8);
                return false;
            }
            command = subcommand;
        }
        WriteCommandHelp(command, sink);
        return true;
    }

    public static void WriteCommandList(CommandCatalog catalog, TextSink sink)
    {
        sink.WriteLine("commands (type 'help COMMAND' for details):"u8);
        int width = 0;
        for (int i = 0; i < catalog.Count; i++)
        {
            width = System.Math.Max(width, catalog[i].Name.Length);
        }
        for (int i = 0; i < catalog.Count; i++)
        {
            WriteSummaryRow(catalog[i], width, sink);
        }
    }

    public static void WriteCommandHelp(CommandSpec command, TextSink sink)
    {
        sink.Write("usage: "u8);
        GrammarText.WriteUsage(command, sink);
        sink.WriteLine();
        sink.Write(Indent);
        sink.WriteLine(command.Summary);
        if (command.Subcommands.Length > 0)
        {
            sink.Write("subcommands (type 'help "u8);
            command.WritePath(sink);
            sink.WriteLine(" SUBCOMMAND' for details):"u8);
            int width = 0;
            for (int i = 0; i < command.Subcommands.Length; i++)
            {
                width = System.Math.Max(width, command.Subcommands[i].Name.Length);
            }
            for (int i = 0; i < command.Subcommands.Length; i++)
            {
                WriteSummaryRow(command.Subcommands[i], width, sink);
            }
        }
        if (command.Positionals.Length > 0)
        {
            sink.WriteLine("arguments:"u8);
            for (int i = 0; i < command.Positionals.Length; i++)
            {
                WritePositional(command.Positionals[i], sink);
            }
        }
        if (HasApplicableFlags(command))
        {
            sink.WriteLine("flags:"u8);
            WriteFlags(command, sink);
        }
        else
        {
            sink.WriteLine("flags: (none)"u8);
        }
    }

    /// <summary>"  name    summary", the names padded to one column.</summary>
    private static void WriteSummaryRow(CommandSpec command, int width, TextSink sink)
    {
        sink.Write(Indent);
        sink.Write(command.Name);
        for (int pad = command.Name.Length; pad < width + 2; pad++)
        {
            sink.Write(" "u8);
        }
        sink.WriteLine(command.Summary);
    }

    private static void WritePositional(PositionalSpec positional, TextSink sink)
    {
        sink.Write(Indent);
        sink.Write(positional.Name);
        sink.WriteLine(positional.Kind == PositionalKind.Text ? "..."u8 : default);
        sink.Write(DetailIndent);
        sink.Write(positional.Summary);
        sink.Write(" ("u8);
        GrammarText.WriteAccepted(positional, sink);
        sink.WriteLine(positional.Required ? ")"u8 : ", optional)"u8);
    }

    private static bool HasApplicableFlags(CommandSpec command)
    {
        for (CommandSpec? owner = command; owner != null; owner = owner.Parent)
        {
            if (owner.Flags.Length > 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Every flag that applies, the outermost command's first, as "--form (alias ...)" and a detail line.</summary>
    private static void WriteFlags(CommandSpec command, TextSink sink)
    {
        if (command.Parent != null)
        {
            WriteFlags(command.Parent, sink);
        }
        for (int i = 0; i < command.Flags.Length; i++)
        {
            FlagSpec flag = command.Flags[i];
            sink.Write(Indent);
            GrammarText.WriteForm(flag, sink);
            for (int alias = 0; alias < flag.Aliases.Length; alias++)
            {
                sink.Write(alias == 0 ? " (alias "u8 : ", "u8);
                sink.Write(flag.Aliases[alias]);
            }
            sink.WriteLine(flag.Aliases.Length > 0 ? ")"u8 : default);
            sink.Write(DetailIndent);
            sink.Write(flag.Summary);
            if (flag.Kind != FlagKind.Switch)
            {
                sink.Write(" ("u8);
                GrammarText.WriteAccepted(flag, sink);
                sink.Write(")"u8);
            }
            sink.WriteLine();
        }
    }
}
