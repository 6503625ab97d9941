// The kernel's own catalog (ShellCommands): help, version, echo, poweroff.
using Xunit;

namespace KernelStress.Shell.Tests;

public class BuiltinCommandTests
{
    private readonly Parsing _parse = new(ShellCommands.Catalog);

    [Fact]
    public void The_builtin_catalog_is_valid()
    {
        var error = new ErrorMessage();
        Assert.True(ShellCommands.Catalog.Validate(error), Latin1.Text(error.Text));
    }

    [Theory]
    [InlineData("help", ShellCommandId.Help)]
    [InlineData("version", ShellCommandId.Version)]
    [InlineData("echo", ShellCommandId.Echo)]
    [InlineData("poweroff", ShellCommandId.Poweroff)]
    [InlineData("  version  ", ShellCommandId.Version)]
    public void Each_command_parses_to_its_id(string line, ShellCommandId id) =>
        Assert.Equal((int)id, _parse.Ok(line).CommandId);

    [Fact]
    public void Echo_takes_any_words_and_quoted_words()
    {
        _parse.Ok("echo hello  \"big   world\" 42 -5");
        Assert.Equal(new[] { "hello", "big   world", "42", "-5" }, _parse.Arguments());
        Assert.Same(ShellCommands.Echo, _parse.Result.Command);
    }

    [Fact]
    public void Help_takes_a_command_path()
    {
        _parse.Ok("help echo");
        Assert.Equal(new[] { "echo" }, _parse.Arguments());
    }

    [Theory]
    [InlineData("")]
    [InlineData("     ")]
    public void A_line_without_words_is_empty(string line)
    {
        Assert.Equal(ParseStatus.Empty, CommandParser.Parse(ShellCommands.Catalog, Latin1.Bytes(line), _parse.Result));
        Assert.True(_parse.Result.Error.IsEmpty);
        Assert.Equal(-1, _parse.Result.CommandId);
    }

    [Theory]
    [InlineData("frob", "error: unknown command 'frob'; type 'help' for the list")]
    [InlineData("Version", "error: unknown command 'Version'; type 'help' for the list")]
    [InlineData("--help", "error: unknown command '--help'; type 'help' for the list")]
    [InlineData("echo --bogus", "error: unknown flag '--bogus' for 'echo'; accepted: (none)")]
    [InlineData("echo hi --bogus=1", "error: unknown flag '--bogus' for 'echo'; accepted: (none)")]
    [InlineData("version x", "error: unexpected argument 'x' for 'version'")]
    [InlineData("poweroff now", "error: unexpected argument 'now' for 'poweroff'")]
    [InlineData("version --json", "error: unknown flag '--json' for 'version'; accepted: (none)")]
    [InlineData("echo \"open", "error: unterminated quote starting at column 6; add the closing \"")]
    public void Errors_name_the_offending_word(string line, string message) =>
        Assert.Equal(message, _parse.Error(line));

    [Fact]
    public void A_reused_result_carries_nothing_over_between_lines()
    {
        _parse.Error("frob");
        _parse.Ok("echo a b");
        Assert.Equal(new[] { "a", "b" }, _parse.Arguments());
        _parse.Ok("version");
        Assert.Equal(0, _parse.Result.ArgumentCount);
        Assert.Equal("error: unexpected argument 'x' for 'version'", _parse.Error("version x"));
    }
}
