// Lazy class constructors. ilc's static-base stubs call these before handing out
// a type's statics; the context holds the cctor's address until it has run.
// Ordering: the address is cleared before the call so a cctor that touches its
// own statics does not recurse. Not yet safe against two CPUs racing on one
// first access: every cctor the kernel has runs at start-up on the boot CPU.
namespace System.Runtime.CompilerServices
{
    public struct StaticClassConstructionContext
    {
        public nint cctorMethodAddress;
    }

    internal static unsafe class ClassConstructorRunner
    {
        private static object CheckStaticClassConstructionReturnGCStaticBase(ref StaticClassConstructionContext context, object gcStaticBase)
        {
            RunIfNeeded(ref context);
            return gcStaticBase;
        }

        private static nint CheckStaticClassConstructionReturnNonGCStaticBase(ref StaticClassConstructionContext context, nint nonGcStaticBase)
        {
            RunIfNeeded(ref context);
            return nonGcStaticBase;
        }

        private static void RunIfNeeded(ref StaticClassConstructionContext context)
        {
            nint cctor = context.cctorMethodAddress;
            if (cctor == 0)
                return;
            context.cctorMethodAddress = 0;
            ((delegate*<void>)cctor)();
        }
    }
}
