// Base of all structs. CONTRACT with ilc: no fields.
namespace System
{
    public abstract class ValueType { }
}
