// Arrays. CONTRACT with ilc: the element count is the first field after the
// MethodTable pointer; Array<T> is the base ilc gives every T[].
namespace System
{
    public abstract class Array
    {
        private int _numComponents;

        public int Length => _numComponents;
    }

    public class Array<T> : Array { }
}
