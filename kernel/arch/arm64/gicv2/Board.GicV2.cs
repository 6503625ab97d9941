// The Board methods of the boards whose interrupt controller is a GICv2 (virt,
// rpi4): the controller's part of Board.ARM64.cs, through GicV2, with the
// bases and interrupt IDs each board's twin declares (GicDistributor,
// GicCpuInterface, VirtualTimerId, UartId).
namespace KernelStress.Kernel.Arch
{
    internal static partial class Board
    {
        public static partial void InitializeInterruptController() => GicV2.Initialize(GicDistributor, GicCpuInterface);

        public static partial void InitializeInterruptsOnThisCpu() => GicV2.InitializeCpuInterface(GicDistributor, GicCpuInterface);

        public static partial void EnableTimerInterrupt() => GicV2.Enable(GicDistributor, VirtualTimerId);

        public static partial void EnableUartInterrupt() => GicV2.Enable(GicDistributor, UartId);

        public static unsafe partial void HandleInterrupts(ExceptionFrame* interrupted) => GicV2.HandlePending(GicCpuInterface, VirtualTimerId, UartId, interrupted);

        public static unsafe partial void HandleFastInterrupt(ExceptionFrame* interrupted) => GicV2.HandleFast(GicCpuInterface, interrupted);

        public static partial void SendSignal(ulong hardwareId, int signal) => GicV2.SendSignal(GicDistributor, hardwareId, signal);
    }
}
