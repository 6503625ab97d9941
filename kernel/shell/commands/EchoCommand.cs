// `echo TEXT...`: prints its arguments joined by one space.
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell.Commands
{
    internal static class EchoCommand
    {
        public static void Run(ParsedCommand command, TextSink output)
        {
            for (int i = 0; i < command.ArgumentCount; i++)
            {
                if (i > 0)
                    output.Write(" "u8);
                output.Write(command.Argument(i));
            }
            output.WriteLine();
        }
    }
}
