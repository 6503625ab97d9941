// Splits a command line into words. Words are separated by spaces; double quotes group words with
// spaces and are removed (`echo "a  b"c` has the words `echo` and `a  bc`; `""` is an empty word).
// There are no escapes: a word cannot contain a double quote. An unterminated quote, more than
// ShellLimits.MaxTokens words, or a line longer than ShellLimits.MaxLineLength is an error.
using System;

namespace KernelStress.Shell;

public static class Tokenizer
{
    /// <summary>Fills <paramref name="tokens"/>; on failure sets <paramref name="error"/> and returns false.</summary>
    public static bool Split(ReadOnlySpan<byte> line, TokenList tokens, ErrorMessage error)
    {
        tokens.Clear();
        error.Clear();
        if (line.Length > ShellLimits.MaxLineLength)
        {
            LineEditor.ReportTooLong(error, line.Length);
            return false;
        }
        int i = 0;
        while (true)
        {
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }
            if (i == line.Length)
            {
                return true;
            }
            if (!tokens.TryStartToken())
            {
                error.Write("too many words on the line (more than "u8);
                error.WriteDecimal(ShellLimits.MaxTokens);
                error.Write("); nothing was run"u8);
                return false;
            }
            bool inQuotes = false;
            int quoteColumn = 0;
            for (; i < line.Length && (inQuotes || line[i] != ' '); i++)
            {
                if (line[i] == '"')
                {
                    inQuotes = !inQuotes;
                    quoteColumn = i + 1;
                }
                else
                {
                    tokens.Append(line[i]);
                }
            }
            if (inQuotes)
            {
                error.Write("unterminated quote starting at column "u8);
                error.WriteDecimal(quoteColumn);
                error.Write("; add the closing \""u8);
                return false;
            }
        }
    }
}
