using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using KernelStress.Shell;

namespace KernelStress.Boot.Tests.Fuzz;

/// <summary>
/// Fuzz cases for the shell, reproducible from a seed. Each case is the bytes of one typed line ending in CR.
/// Two thirds are grammar-aware: a command (sometimes misspelt) from the real catalog with positionals and flags
/// whose values sit at, just past and far past every bound, unknown, repeated and conflicting flags, the
/// --flag=value form, stray quotes, too many tokens. The rest are random bytes: control characters, DEL and
/// backspace, bytes of 0x80 and above (invalid UTF-8), escape sequences, Ctrl-C and Ctrl-U mid-line, overlong lines.
/// CR and LF appear only at the end (one line per case).
/// </summary>
public sealed class ShellLineGenerator
{
    private static readonly string[] Numbers = { "0", "1", "-1", "+5", "0x10", "1e3", "007", "", "18446744073709551615", "18446744073709551616",
        "99999999999999999999999", "4294967296", "abc", "1.5", "1,2" };

    private readonly Random _random;
    private readonly List<CommandSpec> _commands = new();

    public ShellLineGenerator(int seed)
    {
        _random = new Random(seed);
        for (int i = 0; i < ShellCommands.Catalog.Count; i++)
        {
            Collect(ShellCommands.Catalog[i]);
        }
    }

    public byte[] Next() => _random.Next(3) < 2 ? Grammatical() : RandomBytes();

    private void Collect(CommandSpec command)
    {
        _commands.Add(command);
        foreach (CommandSpec sub in command.Subcommands)
        {
            Collect(sub);
        }
    }

    private byte[] Grammatical()
    {
        CommandSpec command = _commands[_random.Next(_commands.Count)];
        var words = new List<string>();
        for (CommandSpec? c = command; c is not null; c = c.Parent)
        {
            words.Insert(0, c.Name);
        }
        if (_random.Next(10) == 0)
        {
            words[0] = Misspell(words[0]);
        }
        foreach (PositionalSpec positional in command.Positionals)
        {
            if (_random.Next(5) != 0)
            {
                words.Add(positional.Kind == PositionalKind.Unsigned ? Number(positional.Min, positional.Max) : Word());
            }
        }
        FlagSpec[] flags = Flags(command);
        int flagCount = flags.Length == 0 ? 0 : _random.Next(4);
        for (int i = 0; i < flagCount; i++)
        {
            words.AddRange(FlagWords(flags[_random.Next(flags.Length)]));
        }
        switch (_random.Next(12))
        {
            case 0: words.Add("--bogus"); break;
            case 1: words.Add("\"unbalanced"); break;
            case 2: words.AddRange(Enumerable.Repeat("x", 40 + _random.Next(40))); break;
            case 3: words.Add("-"); break;
            case 4: words.Add("--"); break;
            case 5: words.Add(new string('a', 200 + _random.Next(100))); break;
        }
        return Line(string.Join(_random.Next(8) == 0 ? "   " : " ", words));
    }

    private static FlagSpec[] Flags(CommandSpec command)
    {
        var flags = new List<FlagSpec>(command.Flags);
        for (CommandSpec? c = command.Parent; c is not null; c = c.Parent)
        {
            flags.AddRange(c.Flags);
        }
        return flags.ToArray();
    }

    private IEnumerable<string> FlagWords(FlagSpec flag)
    {
        string name = flag.Aliases.Length > 0 && _random.Next(3) == 0 ? flag.Aliases[_random.Next(flag.Aliases.Length)] : flag.Name;
        string? value = flag.Kind switch
        {
            FlagKind.Switch => _random.Next(6) == 0 ? "yes" : null,
            FlagKind.Unsigned => Number(flag.Min, flag.Max),
            FlagKind.Choice => _random.Next(4) == 0 ? Word() : flag.Choices[_random.Next(flag.Choices.Length)],
            FlagKind.UnsignedList => string.Join(",", Enumerable.Range(0, _random.Next(flag.MaxCount + 2)).Select(_ => Number(flag.Min, flag.Max))),
            FlagKind.ChoiceList => string.Join(",", Enumerable.Range(0, _random.Next(flag.Choices.Length + 2)).Select(_ => _random.Next(5) == 0 ? Word() : flag.Choices[_random.Next(flag.Choices.Length)])),
            _ => string.Join(",", Enumerable.Range(0, _random.Next(flag.Choices.Length + 2)).Select(_ => (_random.Next(5) == 0 ? Word() : flag.Choices[_random.Next(flag.Choices.Length)]) + ":" + Number(flag.Min, flag.Max))),
        };
        if (value is null)
        {
            return new[] { name };
        }
        return _random.Next(4) == 0 ? new[] { name + "=" + value } : _random.Next(10) == 0 ? new[] { name } : new[] { name, value };
    }

    // Values at, just past and far past the bounds, and things that are not numbers.
    private string Number(ulong min, ulong max) => _random.Next(8) switch
    {
        0 => min.ToString(CultureInfo.InvariantCulture),
        1 => max.ToString(CultureInfo.InvariantCulture),
        2 => min == 0 ? "-1" : (min - 1).ToString(CultureInfo.InvariantCulture),
        3 => max == ulong.MaxValue ? "18446744073709551616" : (max + 1).ToString(CultureInfo.InvariantCulture),
        4 => Numbers[_random.Next(Numbers.Length)],
        _ => (min + (ulong)_random.NextInt64(0, (long)Math.Min(max - min, 1000) + 1)).ToString(CultureInfo.InvariantCulture),
    };

    private string Word()
    {
        const string Letters = "abcdefghijklmnopqrstuvwxyz-_0123456789";
        return new string(Enumerable.Range(0, 1 + _random.Next(12)).Select(_ => Letters[_random.Next(Letters.Length)]).ToArray());
    }

    private string Misspell(string name) => _random.Next(3) switch
    {
        0 => name.ToUpperInvariant(),
        1 => name + "x",
        _ => name.Length > 1 ? name[..^1] : "zz",
    };

    private byte[] RandomBytes()
    {
        int length = _random.Next(10) == 0 ? 250 + _random.Next(60) : _random.Next(40);
        var bytes = new List<byte>(length + 1);
        for (int i = 0; i < length; i++)
        {
            bytes.AddRange(_random.Next(10) switch
            {
                0 => new[] { (byte)_random.Next(0x80, 0x100) },
                1 => new[] { ControlByte() },
                2 => new[] { (byte)0x7F },
                3 => "\x1b[A"u8.ToArray(),
                4 => new[] { (byte)0x08 },
                5 => _random.Next(8) == 0 ? new[] { (byte)0x03 } : new[] { (byte)0x15 },
                _ => new[] { (byte)_random.Next(0x20, 0x7F) },
            });
        }
        bytes.RemoveAll(b => b is 0x0D or 0x0A);
        bytes.Add(0x0D);
        return bytes.ToArray();
    }

    // A C0 control byte, but not Ctrl-T: the status key prints the thread table
    // asynchronously (StatusKeyTests), which no line model can predict.
    private byte ControlByte()
    {
        byte b = (byte)_random.Next(0x00, 0x1F);
        return b >= 0x14 ? (byte)(b + 1) : b;
    }

    private static byte[] Line(string text) => Encoding.ASCII.GetBytes(text + "\r");
}
