// Ctrl-T, the status key (as on BSD terminals): the thread table (`ps`) on
// demand, even while a command runs or the shell thread is stuck — the view of
// a hang from inside, which the host asks for before it gives up on a session.
// The UART interrupt only latches the request; the boot CPU's next tick prints
// it, when it can have the console without cutting into a line or record the
// interrupted code is writing (else it tries on a later tick).
// Interrupt context throughout.
using System.Threading;

namespace KernelStress.Kernel.Shell
{
    internal static class StatusKey
    {
        private static int s_requested;

        public static void Request() => Volatile.Write(ref s_requested, 1);

        // The boot CPU's tick, before the scheduler's (so its lock is free).
        public static void OnTick()
        {
            if (Volatile.Read(ref s_requested) == 0 || !KernelConsole.Lock.TryEnterFromInterrupt())
                return;
            Volatile.Write(ref s_requested, 0);
            KernelConsole.Out.WriteLine("\r\nstatus (Ctrl-T):"u8);
            Commands.PsCommand.Run(KernelConsole.Out);
            KernelConsole.Lock.Exit();
        }
    }
}
