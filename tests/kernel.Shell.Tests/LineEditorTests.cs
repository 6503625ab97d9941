// LineEditor: editing keys, line ends, rejection of non-printable input and of overlong lines.
using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Xunit;

namespace KernelStress.Shell.Tests;

public class LineEditorTests
{
    private const string InvalidTail = " is not printable ASCII; the shell accepts ASCII 0x20-0x7e only";

    private readonly BufferSink _echo = new();
    private readonly LineEditor _editor;

    public LineEditorTests()
    {
        _editor = new LineEditor(_echo);
    }

    /// <summary>Feeds the input; returns every non-Pending status with the line or error it came with.</summary>
    private List<(LineStatus Status, string Text)> Feed(string input)
    {
        var events = new List<(LineStatus, string)>();
        foreach (byte b in Latin1.Bytes(input))
        {
            LineStatus status = _editor.Feed(b);
            if (status == LineStatus.Ready)
            {
                events.Add((status, Latin1.Text(_editor.Line)));
            }
            else if (status == LineStatus.Rejected)
            {
                events.Add((status, Latin1.Text(_editor.Error)));
            }
            else if (status != LineStatus.Pending)
            {
                events.Add((status, ""));
            }
        }
        return events;
    }

    [Fact]
    public void A_typed_line_is_echoed_and_ends_on_CR()
    {
        Assert.Equal(new[] { (LineStatus.Ready, "help") }, Feed("help\r"));
        Assert.Equal("help\r\n", _echo.Text);
    }

    [Theory]
    [InlineData("a\r\nb\r\n")]
    [InlineData("a\nb\n")]
    [InlineData("a\rb\r")]
    [InlineData("a\r\nb\n")]
    public void CR_LF_and_CRLF_each_end_one_line(string input) =>
        Assert.Equal(new[] { (LineStatus.Ready, "a"), (LineStatus.Ready, "b") }, Feed(input));

    [Fact]
    public void Only_the_LF_right_after_a_CR_is_swallowed()
    {
        Assert.Equal(new[] { (LineStatus.Ready, "a"), (LineStatus.Empty, ""), (LineStatus.Empty, "") }, Feed("a\r\r\n\n"));
        Assert.Equal(new[] { (LineStatus.Ready, "a"), (LineStatus.Empty, "") }, Feed("a\rb\u0015\n"));
    }

    [Fact]
    public void An_empty_line_is_reported_as_empty() =>
        Assert.Equal(new[] { (LineStatus.Empty, "") }, Feed("\r\n"));

    [Fact]
    public void Backspace_and_DEL_erase_the_last_character()
    {
        Assert.Equal(new[] { (LineStatus.Ready, "ad") }, Feed("abc\b\u007fd\r"));
        Assert.Equal("abc\b \b\b \bd\r\n", _echo.Text);
    }

    [Fact]
    public void Backspace_on_an_empty_line_does_nothing()
    {
        Assert.Empty(Feed("\b\b\u007f"));
        Assert.Equal("", _echo.Text);
        Assert.Equal(new[] { (LineStatus.Ready, "x") }, Feed("x\r"));
    }

    [Fact]
    public void Ctrl_C_cancels_the_line_and_the_next_line_starts_fresh()
    {
        Assert.Equal(new[] { (LineStatus.Cancelled, ""), (LineStatus.Ready, "x") }, Feed("abc\u0003x\r"));
        Assert.Equal("abc^C\r\nx\r\n", _echo.Text);
    }

    [Fact]
    public void Ctrl_U_erases_the_whole_line_and_its_invalid_mark()
    {
        Assert.Equal(new[] { (LineStatus.Ready, "d") }, Feed("a\u0001bc\u0015d\r"));
        Assert.Equal("abc\b \b\b \b\b \bd\r\n", _echo.Text);
    }

    [Fact]
    public void Non_ASCII_bytes_reject_the_line_naming_the_first_one()
    {
        // "é" in UTF-8 is C3 A9.
        Assert.Equal(new[] { (LineStatus.Rejected, "error: byte 0xc3 at column 6" + InvalidTail) }, Feed("echo \u00c3\u00a9\r"));
        Assert.Equal("echo \r\n", _echo.Text);
    }

    [Theory]
    [InlineData("\tx\r", "error: byte 0x09 at column 1" + InvalidTail)]
    [InlineData("a\u0001\u0080\r", "error: byte 0x01 at column 2" + InvalidTail)]
    [InlineData("ab\u0000\r", "error: byte 0x00 at column 3" + InvalidTail)]
    [InlineData("abc\u00ff\r", "error: byte 0xff at column 4" + InvalidTail)]
    public void Control_bytes_reject_the_line(string input, string message) =>
        Assert.Equal(new[] { (LineStatus.Rejected, message) }, Feed(input));

    [Theory]
    [InlineData("ab\u001b[Acd\r")]          // arrow up
    [InlineData("ab\u001b[1;5Ccd\r")]       // ctrl + arrow right, with parameters
    [InlineData("ab\u001bOAcd\r")]          // arrow up in application mode
    [InlineData("ab\u001bxcd\r")]           // alt + x
    public void Escape_sequences_are_consumed_whole_and_reject_the_line(string input)
    {
        Assert.Equal(
            new[] { (LineStatus.Rejected, "error: byte 0x1b (escape, e.g. from an arrow key) at column 3" + InvalidTail) },
            Feed(input));
        Assert.Equal("abcd\r\n", _echo.Text);
    }

    [Fact]
    public void Escape_then_Enter_still_ends_the_line()
    {
        List<(LineStatus Status, string Text)> events = Feed("a\u001b\r");
        Assert.Single(events);
        Assert.Equal(LineStatus.Rejected, events[0].Status);
    }

    [Fact]
    public void Backspace_does_not_undo_an_invalid_byte()
    {
        List<(LineStatus Status, string Text)> events = Feed("ab\u0080\b\r");
        Assert.Equal(LineStatus.Rejected, Assert.Single(events).Status);
    }

    [Fact]
    public void A_line_of_exactly_the_maximum_length_is_accepted()
    {
        string line = new string('x', ShellLimits.MaxLineLength);
        Assert.Equal(new[] { (LineStatus.Ready, line) }, Feed(line + "\r"));
    }

    [Fact]
    public void An_overlong_line_is_echoed_in_full_and_rejected_with_its_length()
    {
        string line = new string('x', 300);
        Assert.Equal(
            new[] { (LineStatus.Rejected, "error: line is longer than 256 characters (got 300); nothing was run") },
            Feed(line + "\r"));
        Assert.Equal(line + "\r\n", _echo.Text);
    }

    [Fact]
    public void An_overlong_line_erased_back_under_the_limit_is_accepted()
    {
        string typed = new string('x', 255) + "yz" + "\b\b" + "w";
        Assert.Equal(new[] { (LineStatus.Ready, new string('x', 255) + "w") }, Feed(typed + "\r"));
    }

    [Fact]
    public void The_line_after_a_rejected_line_starts_fresh()
    {
        Feed(new string('x', 300) + "\r");
        Feed("\u0080\r");
        Assert.Equal(new[] { (LineStatus.Ready, "ok") }, Feed("ok\r"));
    }

    [Fact]
    public void Printable_input_comes_back_as_the_line_for_any_text()
    {
        Gen.Char[' ', '~'].Array[1, ShellLimits.MaxLineLength].Sample(chars =>
        {
            var editor = new LineEditor(new NullSink());
            string text = new string(chars);
            LineStatus status = LineStatus.Pending;
            foreach (byte b in Latin1.Bytes(text + "\r\n"))
            {
                LineStatus next = editor.Feed(b);
                if (next != LineStatus.Pending)
                {
                    status = next;
                    break;
                }
            }
            return status == LineStatus.Ready && Latin1.Text(editor.Line) == text;
        });
    }

    [Fact]
    public void Editing_matches_a_simple_model_for_any_keystrokes()
    {
        // Keystrokes from printable letters, backspace, DEL, Ctrl-U and CR; the model is a string.
        Gen.OneOfConst((byte)'a', (byte)'b', (byte)' ', (byte)0x08, (byte)0x7F, (byte)0x15, (byte)'\r').Array[0, 400].Sample(keys =>
        {
            var editor = new LineEditor(new NullSink());
            var model = new List<char>();
            foreach (byte key in keys)
            {
                LineStatus status = editor.Feed(key);
                switch (key)
                {
                    case 0x08:
                    case 0x7F:
                        if (model.Count > 0)
                        {
                            model.RemoveAt(model.Count - 1);
                        }
                        break;
                    case 0x15:
                        model.Clear();
                        break;
                    case (byte)'\r':
                        string expected = new string(model.ToArray());
                        bool ok = expected.Length == 0 ? status == LineStatus.Empty
                            : expected.Length > ShellLimits.MaxLineLength ? status == LineStatus.Rejected
                            : status == LineStatus.Ready && Latin1.Text(editor.Line) == expected;
                        if (!ok)
                        {
                            return false;
                        }
                        model.Clear();
                        break;
                    default:
                        model.Add((char)key);
                        break;
                }
            }
            return true;
        });
    }

    [Fact]
    public void Any_bytes_give_only_printable_bounded_lines_and_single_line_errors()
    {
        Gen.Byte.Array[0, 700].Sample(bytes =>
        {
            var editor = new LineEditor(new NullSink());
            foreach (byte b in bytes)
            {
                LineStatus status = editor.Feed(b);
                if (status == LineStatus.Ready)
                {
                    byte[] line = editor.Line.ToArray();
                    if (line.Length == 0 || line.Length > ShellLimits.MaxLineLength || line.Any(c => c < 0x20 || c > 0x7E))
                    {
                        return false;
                    }
                }
                if (status == LineStatus.Rejected)
                {
                    string error = Latin1.Text(editor.Error);
                    if (!error.StartsWith("error: ", StringComparison.Ordinal) || error.Contains('\n') || error.Contains('\r'))
                    {
                        return false;
                    }
                }
            }
            return true;
        });
    }

    [Fact]
    public void Feeding_bytes_allocates_nothing()
    {
        var editor = new LineEditor(new NullSink());
        byte[] input = Latin1.Bytes("stresstest chaos --fail-rate 20\r\n\u007f\u0003x\u00c3\r" + new string('y', 300) + "\r\u001b[A\n");
        foreach (byte b in input)
        {
            editor.Feed(b);
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 0; round < 100; round++)
        {
            foreach (byte b in input)
            {
                editor.Feed(b);
            }
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
