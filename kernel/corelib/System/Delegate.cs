// Delegates. CONTRACT with ilc: these four fields in this order, and the three
// Initialize* methods the compiler calls when it creates a delegate.
namespace System
{
    public abstract class Delegate
    {
        internal object _firstParameter;
        internal object _helperObject;
        internal nint _extraFunctionPointerOrData;
        internal nint _functionPointer;

        // A delegate over an instance method: the target is the first argument.
        private void InitializeClosedInstance(object firstParameter, nint functionPointer)
        {
            _functionPointer = functionPointer;
            _firstParameter = firstParameter;
        }

        // A delegate over a static method: ilc supplies a thunk that drops 'this'.
        private void InitializeOpenStaticThunk(object firstParameter, nint functionPointer, nint functionPointerThunk)
        {
            _firstParameter = this;
            _functionPointer = functionPointerThunk;
            _extraFunctionPointerOrData = functionPointer;
        }

        private void InitializeClosedStaticThunk(object firstParameter, nint functionPointer, nint functionPointerThunk)
        {
            _firstParameter = this;
            _functionPointer = functionPointerThunk;
            _extraFunctionPointerOrData = functionPointer;
            _helperObject = firstParameter;
        }
    }

    public abstract class MulticastDelegate : Delegate { }
}
