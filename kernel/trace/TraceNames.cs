// The names of the threads the trace saw switch, by id, for the dump: a
// switch copies a thread's name here only when its id's slot (id mod Slots)
// holds another id, so the switch path usually costs one compare per thread.
// Two live threads whose ids share a slot take turns in it; the dump then
// names only the one there last (the converter calls the other by its id).
using System.Runtime.CompilerServices;
using System.Threading;
using KernelStress.Kernel.Scheduling;

namespace KernelStress.Kernel.Tracing
{
    internal static unsafe class TraceNames
    {
        public const int Slots = 1024;

        // Per slot: the id + 1 whose name it holds (0: none), and the name, zero-padded.
        private static readonly int[] s_ids = new int[Slots];
        private static readonly ulong[] s_names = new ulong[Slots * 2];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Remember(ref KernelThread thread)
        {
            int slot = thread.Id & (Slots - 1);
            if (Volatile.Read(ref s_ids[slot]) != thread.Id + 1)
                Copy(ref thread, slot);
        }

        private static void Copy(ref KernelThread thread, int slot)
        {
            Volatile.Write(ref s_ids[slot], 0);
            s_names[slot * 2] = 0;
            s_names[slot * 2 + 1] = 0;
            fixed (ulong* name = &s_names[slot * 2])
                thread.CopyName(new System.Span<byte>(name, KernelThread.MaxNameLength));
            Volatile.Write(ref s_ids[slot], thread.Id + 1);
        }

        public static void Clear()
        {
            for (int slot = 0; slot < Slots; slot++)
                Volatile.Write(ref s_ids[slot], 0);
        }

        // The id whose name slot `slot` holds, or -1.
        public static int IdAt(int slot) => Volatile.Read(ref s_ids[slot]) - 1;

        public static ulong NameWord(int slot, int word) => s_names[slot * 2 + word];
    }
}
