// HelpWriter: the command list, one command's help, and errors for unknown names.
using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace KernelStress.Shell.Tests;

public class HelpWriterTests
{
    /// <summary>Parses the help line with the kernel's catalog, then writes help about <paramref name="catalog"/>.</summary>
    private static string Help(CommandCatalog catalog, string line, bool expectSuccess = true)
    {
        var parsed = new ParsedCommand();
        Assert.Equal(ParseStatus.Command, CommandParser.Parse(ShellCommands.Catalog, Latin1.Bytes(line), parsed));
        var sink = new BufferSink();
        Assert.Equal(expectSuccess, HelpWriter.Write(catalog, parsed, sink));
        string text = sink.Text;
        Assert.EndsWith("\r\n", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        return text;
    }

    [Fact]
    public void Help_lists_every_builtin_command_with_its_summary()
    {
        // One row per catalog command, in catalog order, names padded to one column.
        int width = Enumerable.Range(0, ShellCommands.Catalog.Count).Max(i => ShellCommands.Catalog[i].Name.Length) + 2;
        string expected = "commands (type 'help COMMAND' for details):\r\n" + string.Concat(
            Enumerable.Range(0, ShellCommands.Catalog.Count).Select(i =>
                "  " + ShellCommands.Catalog[i].Name.PadRight(width) + ShellCommands.Catalog[i].Summary + "\r\n"));
        Assert.Equal(expected, Help(ShellCommands.Catalog, "help"));
        Assert.StartsWith("commands (type 'help COMMAND' for details):\r\n  help        List the commands", expected);
    }

    [Fact]
    public void Help_for_a_command_shows_usage_summary_arguments_and_flags()
    {
        Assert.Equal(
            "usage: echo [TEXT...]\r\n" +
            "  Print the arguments joined by one space\r\n" +
            "arguments:\r\n" +
            "  TEXT...\r\n" +
            "      The words to print; quote a word to keep its spaces (one or more words, optional)\r\n" +
            "flags: (none)\r\n",
            Help(ShellCommands.Catalog, "help echo"));
        Assert.Equal(
            "usage: version\r\n  Print the kernel version\r\nflags: (none)\r\n",
            Help(ShellCommands.Catalog, "help version"));
    }

    [Fact]
    public void Help_for_a_subcommand_shows_every_flag_with_its_accepted_values_and_aliases() =>
        Assert.Equal(
            "usage: stresstest chaos [--duration MS] [--seed N] [--noise PCT] [--summary] [--verbose] [--fail-rate PCT] [--expect-failures]\r\n" +
            "  Random failures\r\n" +
            "flags:\r\n" +
            "  --duration MS\r\n      Run time in milliseconds (an integer from 1 to 3600000)\r\n" +
            "  --seed N\r\n      Seed of the generator (an integer from 0 to 18446744073709551615)\r\n" +
            "  --noise PCT\r\n      Random variation in percent (an integer from 0 to 100)\r\n" +
            "  --summary\r\n      Print only the summary\r\n" +
            "  --verbose\r\n      Print every event\r\n" +
            "  --fail-rate PCT (alias --failure-rate)\r\n      Percent of events forced to fail (an integer from 0 to 100)\r\n" +
            "  --expect-failures\r\n      Failures do not fail the run\r\n",
            Help(TestCatalog.Catalog, "help stresstest chaos"));

    [Fact]
    public void Help_for_a_command_with_subcommands_lists_them()
    {
        string text = Help(TestCatalog.Catalog, "help autonomy");
        Assert.Equal(
            "usage: autonomy on|off|status\r\n" +
            "  Switch the autonomy controller\r\n" +
            "subcommands (type 'help autonomy SUBCOMMAND' for details):\r\n" +
            "  on      Turn it on\r\n" +
            "  off     Turn it off\r\n" +
            "  status  Show it\r\n" +
            "flags: (none)\r\n",
            text);
        Assert.StartsWith("usage: metrics [reset]\r\n", Help(TestCatalog.Catalog, "help metrics"));
        Assert.StartsWith("usage: sleep MS\r\n", Help(TestCatalog.Catalog, "help sleep"));
        Assert.Contains("  MS\r\n      How long (an integer from 1 to 3600000)\r\n", Help(TestCatalog.Catalog, "help sleep"));
    }

    [Fact]
    public void Help_describes_list_flags()
    {
        Assert.Contains("  --levels PCT,...\r\n      Load levels in percent (a comma-separated list of up to 8 integers from 1 to 100)\r\n",
            Help(TestCatalog.Catalog, "help stresstest ramp"));
        Assert.Contains("  --components COMPONENT,...\r\n      Components to measure " +
            "(a comma-separated list of alloc|hist|prng|sched|shell (each at most once))\r\n",
            Help(TestCatalog.Catalog, "help stresstest scale"));
        Assert.Contains("  --weights KEY:PCT,...\r\n      Mix of operations (a comma-separated list of KEY:N with KEY one of " +
            "memory|commands|noise (each at most once) and N from 0 to 100)\r\n",
            Help(TestCatalog.Catalog, "help stresstest mix"));
        Assert.Contains("  --gen xorshift64|xorshift64star\r\n      The generator (one of xorshift64|xorshift64star)\r\n",
            Help(TestCatalog.Catalog, "help prng"));
    }

    [Fact]
    public void Help_for_every_command_mentions_every_flag_and_alias_that_applies()
    {
        foreach (CommandSpec command in AllCommands(TestCatalog.Catalog))
        {
            var sink = new BufferSink();
            HelpWriter.WriteCommandHelp(command, sink);
            for (CommandSpec? owner = command; owner != null; owner = owner.Parent)
            {
                foreach (FlagSpec flag in owner.Flags)
                {
                    Assert.Contains("  " + flag.Name, sink.Text);
                    Assert.Contains("[" + flag.Name, sink.Text);
                    Assert.All(flag.Aliases, alias => Assert.Contains(alias, sink.Text));
                }
            }
        }
    }

    [Fact]
    public void Help_lists_every_top_level_command_of_any_catalog()
    {
        string text = Help(TestCatalog.Catalog, "help");
        for (int i = 0; i < TestCatalog.Catalog.Count; i++)
        {
            Assert.Contains("  " + TestCatalog.Catalog[i].Name + " ", text);
            Assert.Contains(TestCatalog.Catalog[i].Summary + "\r\n", text);
        }
    }

    [Theory]
    [InlineData("help frob", "error: unknown command 'frob'; type 'help' for the list\r\n")]
    [InlineData("help stresstest frob", "error: unknown subcommand 'frob' for 'stresstest'; type 'help stresstest' for the list\r\n")]
    [InlineData("help sleep 5", "error: unknown subcommand '5' for 'sleep'; type 'help sleep' for the list\r\n")]
    public void Help_for_an_unknown_name_is_one_error_line(string line, string expected) =>
        Assert.Equal(expected, Help(TestCatalog.Catalog, line, expectSuccess: false));

    private static IEnumerable<CommandSpec> AllCommands(CommandCatalog catalog)
    {
        var pending = new Stack<CommandSpec>(Enumerable.Range(0, catalog.Count).Select(i => catalog[i]));
        while (pending.Count > 0)
        {
            CommandSpec command = pending.Pop();
            yield return command;
            foreach (CommandSpec sub in command.Subcommands)
            {
                pending.Push(sub);
            }
        }
    }
}
