// Type exists because ilc expects RuntimeType; the kernel uses no reflection.
namespace System
{
    public abstract class Type { }

    internal sealed class RuntimeType : Type { }
}
