// Comparisons between the catalog's ASCII strings and input byte spans. The kernel corelib offers
// only string.Length and the indexer, so these loops stand in for string equality.
using System;

namespace KernelStress.Shell;

internal static class AsciiText
{
    public static bool IsPrintable(byte value) => value >= 0x20 && value <= 0x7E;

    public static bool IsPrintable(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] < 0x20 || text[i] > 0x7E)
            {
                return false;
            }
        }
        return true;
    }

    public static bool Equals(string text, ReadOnlySpan<byte> bytes)
    {
        if (text.Length != bytes.Length)
        {
            return false;
        }
        for (int i = 0; i < bytes.Length; i++)
        {
            if (text[i] != bytes[i])
            {
                return false;
            }
        }
        return true;
    }

    public static bool Equals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }
        for (int i = 0; i < left.Length; i++)
        {
            if (left[i] != right[i])
            {
                return false;
            }
        }
        return true;
    }

    public static bool Equals(string left, string right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }
        for (int i = 0; i < left.Length; i++)
        {
            if (left[i] != right[i])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Index of the first <paramref name="value"/> in <paramref name="bytes"/>, or -1.</summary>
    public static int IndexOf(ReadOnlySpan<byte> bytes, byte value)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == value)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Index of the first <paramref name="value"/> in <paramref name="text"/>, or -1.</summary>
    public static int IndexOf(string text, char value)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == value)
            {
                return i;
            }
        }
        return -1;
    }

    public static bool StartsWithDashes(ReadOnlySpan<byte> token) =>
        token.Length >= 2 && token[0] == '-' && token[1] == '-';
}
