// CommandCatalog.Validate: each broken table invariant is caught and described.
using System;
using System.Linq;
using Xunit;

namespace KernelStress.Shell.Tests;

public class CatalogValidationTests
{
    private static readonly PositionalSpec[] NoPositionals = new PositionalSpec[0];
    private static readonly FlagSpec[] NoFlags = new FlagSpec[0];

    private static CommandCatalog Catalog(params CommandSpec[] commands) => new(commands);

    private static CommandSpec Leaf(int id, string name, params FlagSpec[] flags) => new(id, name, "summary", NoPositionals, flags);

    private static string Invalid(CommandCatalog catalog)
    {
        var error = new ErrorMessage();
        Assert.False(catalog.Validate(error));
        return Latin1.Text(error.Text);
    }

    [Fact]
    public void Duplicate_ids_are_caught_even_across_levels() =>
        Assert.Equal("error: catalog: 'a': its id is used by another command too",
            Invalid(Catalog(new CommandSpec(1, "a", "s", NoFlags, true, new[] { Leaf(1, "b") }))));

    [Fact]
    public void Duplicate_names_are_caught() =>
        Assert.Equal("error: catalog: 'a': its name is used twice", Invalid(Catalog(Leaf(1, "a"), Leaf(2, "a"))));

    [Fact]
    public void Bad_names_are_caught()
    {
        Assert.StartsWith("error: catalog: '': its name", Invalid(Catalog(Leaf(1, ""))));
        Assert.StartsWith("error: catalog: 'b\u00e9': its name", Invalid(Catalog(Leaf(1, "b\u00e9"))));
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_caught()
    {
        var deep = new CommandSpec(1, "a", "s", NoFlags, true, new[]
        {
            new CommandSpec(2, "b", "s", NoFlags, true, new[] { new CommandSpec(3, "c", "s", NoFlags, true, new[] { Leaf(4, "d") }) }),
        });
        Assert.Equal("error: catalog: 'a b c d': its name must be non-empty printable ASCII, nested at most ShellLimits.MaxCommandDepth deep",
            Invalid(Catalog(deep)));
    }

    [Fact]
    public void A_subcommand_shared_by_two_parents_or_listed_at_top_level_is_caught()
    {
        CommandSpec shared = Leaf(3, "s");
        var first = new CommandSpec(1, "a", "s", NoFlags, true, new[] { shared });
        var second = new CommandSpec(2, "b", "s", NoFlags, true, new[] { shared });
        Assert.Equal("error: catalog: 'b s': it is a subcommand of two commands", Invalid(Catalog(first, second)));
        Assert.Equal("error: catalog: 'b s' is a subcommand, not a top-level command", Invalid(Catalog(shared)));
    }

    [Fact]
    public void Positionals_out_of_order_are_caught()
    {
        PositionalSpec optional = PositionalSpec.Unsigned("A", 0, 1, false, "s");
        PositionalSpec required = PositionalSpec.Unsigned("B", 0, 1, true, "s");
        PositionalSpec text = PositionalSpec.Text("T", false, "s");
        const string message = "error: catalog: 'x': its positionals must be required first, Text last, with Min <= Max";
        Assert.Equal(message, Invalid(Catalog(new CommandSpec(1, "x", "s", new[] { optional, required }, NoFlags))));
        Assert.Equal(message, Invalid(Catalog(new CommandSpec(1, "x", "s", new[] { text, optional }, NoFlags))));
        Assert.Equal(message, Invalid(Catalog(new CommandSpec(1, "x", "s",
            new[] { PositionalSpec.Unsigned("A", 2, 1, true, "s") }, NoFlags))));
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("-s")]
    [InlineData("--")]
    [InlineData("--a=b")]
    [InlineData("--a b")]
    public void Malformed_flag_spellings_are_caught(string spelling)
    {
        Assert.Equal($"error: catalog: flag {spelling} is malformed (spelling, range, choices or count)",
            Invalid(Catalog(Leaf(1, "x", FlagSpec.Switch(spelling, "s")))));
        Assert.StartsWith("error: catalog: flag --ok is malformed",
            Invalid(Catalog(Leaf(1, "x", FlagSpec.Switch("--ok", "s", aliases: new[] { spelling })))));
    }

    [Fact]
    public void Malformed_flag_values_are_caught()
    {
        FlagSpec[] bad =
        {
            FlagSpec.Unsigned("--f", "N", 5, 4, "s"),
            FlagSpec.Choice("--f", new string[0], "s"),
            FlagSpec.Choice("--f", new[] { "a,b" }, "s"),
            FlagSpec.Choice("--f", new[] { "" }, "s"),
            FlagSpec.UnsignedList("--f", "N", 0, 9, 0, "s"),
            FlagSpec.UnsignedList("--f", "N", 0, 9, ShellLimits.MaxListElements + 1, "s"),
            FlagSpec.ChoiceList("--f", "W", new string[0], "s"),
            FlagSpec.KeyValueList("--f", "K:N", new[] { "a:b" }, 0, 1, "s"),
            FlagSpec.KeyValueList("--f", "K:N", Enumerable.Range(0, ShellLimits.MaxListElements + 1).Select(i => "k" + i).ToArray(), 0, 1, "s"),
        };
        foreach (FlagSpec flag in bad)
        {
            Assert.StartsWith("error: catalog: flag --f is malformed", Invalid(Catalog(Leaf(1, "x", flag))));
        }
    }

    [Fact]
    public void A_spelling_used_twice_among_the_flags_of_a_command_is_caught()
    {
        FlagSpec seed = FlagSpec.Unsigned("--seed", "N", 0, 9, "s");
        Assert.Equal("error: catalog: flag --seed shares a spelling with --seed in 'x'",
            Invalid(Catalog(Leaf(1, "x", seed, seed))));
        Assert.Equal("error: catalog: flag --other shares a spelling with --seed in 'x'",
            Invalid(Catalog(Leaf(1, "x", seed, FlagSpec.Switch("--other", "s", aliases: new[] { "--seed" })))));
        var nested = new CommandSpec(1, "p", "s", new[] { seed }, true, new[] { Leaf(2, "c", FlagSpec.Switch("--seed", "s")) });
        Assert.Equal("error: catalog: flag --seed shares a spelling with --seed in 'p c'", Invalid(Catalog(nested)));
    }

    [Fact]
    public void The_same_flag_on_sibling_subcommands_is_fine()
    {
        FlagSpec json = FlagSpec.Switch("--json", "s");
        var parent = new CommandSpec(1, "p", "s", NoFlags, true, new[] { Leaf(2, "a", json), Leaf(3, "b", json) });
        Assert.True(Catalog(parent).Validate(new ErrorMessage()));
    }

    [Fact]
    public void More_flags_than_the_limit_are_caught()
    {
        FlagSpec[] flags = Enumerable.Range(0, ShellLimits.MaxFlagsPerCommand + 1).Select(i => FlagSpec.Switch("--f" + i, "s")).ToArray();
        Assert.Equal("error: catalog: 'x': more than ShellLimits.MaxFlagsPerCommand flags apply to it",
            Invalid(Catalog(Leaf(1, "x", flags))));
        Assert.True(Catalog(Leaf(1, "x", flags.Take(ShellLimits.MaxFlagsPerCommand).ToArray())).Validate(new ErrorMessage()));
    }
}
