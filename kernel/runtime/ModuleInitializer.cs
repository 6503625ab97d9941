// Start-up work ilc leaves to the runtime, done once on the boot CPU before any
// code touches a static with references:
//  1. GC statics (ReadyToRun section 201): each 32-bit relative pointer in the
//     region leads to a slot that holds a relative pointer to the statics'
//     MethodTable with flag bits (1 = not yet allocated, 2 = preinitialised data
//     follows as a second relative pointer). We allocate the object, copy the
//     data if flagged, and store the object pointer into the slot.
//  2. Eager class constructors (205) and module initializers (213): 32-bit
//     relative pointers to functions, called in order.
// The header: u32 signature "RTR\0", u16 major, u16 minor, u32 flags, u16 section
// count at +12, u8 row size at +14, rows from +16 of {i32 id, i32 flags,
// void* start, void* end}.
using Internal.Runtime;

namespace KernelStress.Kernel.Runtime
{
    internal static unsafe class ModuleInitializer
    {
        private const uint ReadyToRunSignature = 0x00525452;
        private const int GcStaticRegion = 201;
        private const int EagerCctors = 205;
        private const int ModuleInitializers = 213;
        private const nint Uninitialized = 1;
        private const nint HasPreinitializedData = 2;
        private const nint FlagMask = 3;

        public static void Run(nuint modulesStart, nuint modulesEnd)
        {
            for (nuint module = modulesStart; module < modulesEnd; module += (nuint)sizeof(nint))
            {
                byte* header = *(byte**)module;
                if (header == null)
                    continue;
                if (*(uint*)header != ReadyToRunSignature)
                    Panic.Halt("runtime"u8, "__modules entry has no ReadyToRun signature"u8);
                InitializeGcStatics(header);
                RunFunctions(header, EagerCctors);
                RunFunctions(header, ModuleInitializers);
            }
        }

        private static void InitializeGcStatics(byte* header)
        {
            if (!FindSection(header, GcStaticRegion, out byte* start, out byte* end))
                return;
            for (byte* entry = start; entry < end; entry += sizeof(int))
            {
                nint* slot = (nint*)ReadRelative(entry);
                nint typeAndFlags = (nint)ReadRelative(slot);
                if ((typeAndFlags & Uninitialized) == 0)
                    continue;
                var type = (MethodTable*)(typeAndFlags & ~FlagMask);
                object statics = ObjectAllocator.Allocate(type, type->BaseSize);
                nint reference = *(nint*)&statics;
                if ((typeAndFlags & HasPreinitializedData) != 0)
                {
                    byte* data = ReadRelative((int*)slot + 1);
                    // Fields start after the MethodTable pointer; BaseSize counts the header too.
                    nuint fieldBytes = type->BaseSize - 2 * (nuint)sizeof(nint);
                    Copy((byte*)reference + sizeof(nint), data, fieldBytes);
                }
                *slot = reference;
            }
        }

        private static void RunFunctions(byte* header, int sectionId)
        {
            if (!FindSection(header, sectionId, out byte* start, out byte* end))
                return;
            for (byte* entry = start; entry < end; entry += sizeof(int))
                ((delegate*<void>)ReadRelative(entry))();
        }

        private static bool FindSection(byte* header, int id, out byte* start, out byte* end)
        {
            int count = *(ushort*)(header + 12);
            int rowSize = header[14];
            byte* row = header + 16;
            for (int i = 0; i < count; i++, row += rowSize)
            {
                if (*(int*)row == id)
                {
                    start = *(byte**)(row + 8);
                    end = *(byte**)(row + 16);
                    return true;
                }
            }
            start = null;
            end = null;
            return false;
        }

        private static byte* ReadRelative(void* address) => (byte*)address + *(int*)address;

        private static void Copy(byte* destination, byte* source, nuint length)
        {
            for (nuint i = 0; i < length; i++)
                destination[i] = source[i];
        }
    }
}
