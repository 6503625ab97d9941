// Tokenizer: words, quotes, and the bounds on words and line length.
using System;
using System.Linq;
using CsCheck;
using Xunit;

namespace KernelStress.Shell.Tests;

public class TokenizerTests
{
    private readonly TokenList _tokens = new();
    private readonly ErrorMessage _error = new();

    private string[] Split(string line)
    {
        Assert.True(Tokenizer.Split(Latin1.Bytes(line), _tokens, _error), Latin1.Text(_error.Text));
        Assert.False(_error.IsSet);
        return Enumerable.Range(0, _tokens.Count).Select(i => Latin1.Text(_tokens[i])).ToArray();
    }

    private string SplitError(string line)
    {
        Assert.False(Tokenizer.Split(Latin1.Bytes(line), _tokens, _error));
        return Latin1.Text(_error.Text);
    }

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("    ", new string[0])]
    [InlineData("version", new[] { "version" })]
    [InlineData("  a b   c  ", new[] { "a", "b", "c" })]
    [InlineData("echo \"a  b\"c", new[] { "echo", "a  bc" })]
    [InlineData("a\"b c\"", new[] { "ab c" })]
    [InlineData("\"\"", new[] { "" })]
    [InlineData("say \"\" x", new[] { "say", "", "x" })]
    [InlineData("--name=\"x y\"", new[] { "--name=x y" })]
    [InlineData("'single' quotes", new[] { "'single'", "quotes" })]
    public void Splits_on_spaces_and_groups_quoted_words(string line, string[] expected) =>
        Assert.Equal(expected, Split(line));

    [Fact]
    public void An_unterminated_quote_is_an_error_naming_its_column() =>
        Assert.Equal("error: unterminated quote starting at column 6; add the closing \"", SplitError("echo \"abc"));

    [Fact]
    public void The_column_of_the_last_unclosed_quote_is_reported() =>
        Assert.Equal("error: unterminated quote starting at column 9; add the closing \"", SplitError("a \"b\" c \"d"));

    [Fact]
    public void The_maximum_word_count_is_accepted_and_one_more_is_an_error()
    {
        string words = string.Join(' ', Enumerable.Repeat("w", ShellLimits.MaxTokens));
        Assert.Equal(ShellLimits.MaxTokens, Split(words).Length);
        Assert.Equal("error: too many words on the line (more than 32); nothing was run", SplitError(words + " w"));
    }

    [Fact]
    public void A_line_longer_than_the_maximum_is_an_error() =>
        Assert.Equal("error: line is longer than 256 characters (got 257); nothing was run", SplitError(new string('x', 257)));

    [Fact]
    public void A_failed_split_leaves_no_error_behind_on_the_next_success()
    {
        SplitError("\"");
        Assert.Equal(new[] { "ok" }, Split("ok"));
    }

    [Fact]
    public void Words_joined_by_any_run_of_spaces_come_back_unchanged()
    {
        Gen.Select(Gen.String[Gen.Char['a', 'z'], 1, 8].Array[0, 20], Gen.Int[1, 3]).Sample((words, gap) =>
        {
            string line = new string(' ', gap) + string.Join(new string(' ', gap), words);
            var tokens = new TokenList(); // CsCheck samples on several threads
            bool ok = Tokenizer.Split(Latin1.Bytes(line), tokens, new ErrorMessage());
            return ok && Enumerable.Range(0, tokens.Count).Select(i => Latin1.Text(tokens[i])).SequenceEqual(words);
        });
    }
}
