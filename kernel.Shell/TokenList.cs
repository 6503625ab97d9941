// The words of one command line, as the tokenizer leaves them: quotes removed, so a word's bytes
// are copied into one buffer allocated once. Invariant: Count <= ShellLimits.MaxTokens and the
// words together hold at most ShellLimits.MaxLineLength bytes (removing quotes only shrinks a line).
using System;

namespace KernelStress.Shell;

public sealed class TokenList
{
    private readonly byte[] _text = new byte[ShellLimits.MaxLineLength];
    private readonly int[] _start = new int[ShellLimits.MaxTokens];
    private readonly int[] _length = new int[ShellLimits.MaxTokens];
    private int _used;

    public int Count { get; private set; }

    public ReadOnlySpan<byte> this[int index] => new ReadOnlySpan<byte>(_text, _start[index], _length[index]);

    internal void Clear()
    {
        Count = 0;
        _used = 0;
    }

    /// <summary>Opens a new, empty word; false when the line already has MaxTokens words.</summary>
    internal bool TryStartToken()
    {
        if (Count == _start.Length)
        {
            return false;
        }
        _start[Count] = _used;
        _length[Count] = 0;
        Count++;
        return true;
    }

    /// <summary>Adds a byte to the open word. The caller keeps the line within MaxLineLength.</summary>
    internal void Append(byte value)
    {
        _text[_used++] = value;
        _length[Count - 1]++;
    }
}
