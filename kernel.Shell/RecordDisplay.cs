// How records reach the console (the shell's `records on|brief|off`): framed for programs (the
// default, which the host tool relies on and sets again when it drives the kernel), as one short
// line each for a person at a plain serial console (RecordBrief), or not at all.
namespace KernelStress.Shell;

public enum RecordDisplay
{
    On,
    Brief,
    Off,
}
