// Base of all enums. The kernel never formats enums by name.
namespace System
{
    public abstract class Enum : ValueType { }
}
