// Ctrl-T, the status key (as on BSD terminals): the thread table (`ps`) on
// demand, even while a command runs or the shell thread is stuck — the view of
// a hang from inside, which the host asks for before it gives up on a session.
// The UART interrupt only latches the request (UartInput); the boot CPU's next tick prints
// it, when it can have the console without cutting into a line or record the
// interrupted code is writing (else it tries on a later tick).
// Interrupt context throughout.
using KernelStress.Kernel.Console;

namespace KernelStress.Kernel.Shell
{
    internal static class StatusKey
    {
        // The boot CPU's tick, before the scheduler's (so its lock is free).
        public static void OnTick()
        {
            if (!UartInput.StatusRequested || !KernelConsole.Lock.TryEnterFromInterrupt())
                return;
            UartInput.ClearStatusRequest();
            KernelConsole.Out.WriteLine("\r\nstatus (Ctrl-T):"u8);
            Commands.PsCommand.Run(KernelConsole.Out);
            KernelConsole.Lock.Exit();
        }
    }
}
