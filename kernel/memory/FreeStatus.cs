// What a free did. Anything but Freed means nothing was changed: the request was
// rejected, counted and reported on the console with the address.
namespace KernelStress.Kernel.Memory
{
    internal enum FreeStatus
    {
        Freed,
        // The block or page is already free.
        DoubleFree,
        // Not something this allocator handed out (wrong owner, outside RAM, misaligned).
        Foreign,
        // A heap block header whose canary does not match: overwritten, or not a block start.
        CorruptHeader,
        Count,
    }
}
