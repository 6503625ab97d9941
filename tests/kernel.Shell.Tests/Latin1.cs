// Conversions between test strings and byte spans, one char per byte (Latin-1), so tests can
// spell arbitrary bytes as "\u00c3" and compare shell output as strings.
using System;
using System.Text;

namespace KernelStress.Shell.Tests;

internal static class Latin1
{
    public static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);

    public static string Text(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);
}
