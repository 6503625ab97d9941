// Shared helpers for the parser tests: parse a line into one reusable ParsedCommand and return
// either the command or the error text.
using System;
using System.Linq;
using Xunit;

namespace KernelStress.Shell.Tests;

internal sealed class Parsing
{
    public Parsing(CommandCatalog catalog)
    {
        Catalog = catalog;
    }

    public CommandCatalog Catalog { get; }

    public ParsedCommand Result { get; } = new();

    public ParsedCommand Ok(string line)
    {
        ParseStatus status = CommandParser.Parse(Catalog, Latin1.Bytes(line), Result);
        Assert.True(status == ParseStatus.Command, $"'{line}' failed: {Latin1.Text(Result.Error)}");
        Assert.True(Result.Error.IsEmpty);
        return Result;
    }

    public string Error(string line)
    {
        Assert.Equal(ParseStatus.Error, CommandParser.Parse(Catalog, Latin1.Bytes(line), Result));
        Assert.Null(Result.Command);
        Assert.Equal(-1, Result.CommandId);
        return Latin1.Text(Result.Error);
    }

    public string[] Arguments() =>
        Enumerable.Range(0, Result.ArgumentCount).Select(i => Latin1.Text(Result.Argument(i))).ToArray();
}
