// The root of every managed type.
// CONTRACT with ilc: the first (and only) field is the MethodTable pointer that
// every object starts with; do not add fields or reorder the virtual methods.
namespace System
{
    public unsafe class Object
    {
        internal Internal.Runtime.MethodTable* m_pMethodTable;

        public Object() { }

        public virtual bool Equals(object o) => (object)this == o;

        public virtual int GetHashCode() => 0;

        public virtual string ToString() => null;
    }
}
