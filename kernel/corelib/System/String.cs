// Strings exist only as literals (frozen by ilc into the image); the kernel never
// builds strings at run time. CONTRACT with ilc: the length field followed by the
// first UTF-16 character, in this order; Empty and the indexer are intrinsics.
using System.Runtime.CompilerServices;

namespace System
{
    public sealed class String
    {
        [Intrinsic]
        public static readonly string Empty = "";

        private int _stringLength;
        private char _firstChar;

        public int Length => _stringLength;

        [IndexerName("Chars")]
        public char this[int index]
        {
            [Intrinsic]
            get
            {
                if ((uint)index >= (uint)_stringLength)
                    Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowIndexOutOfRangeException();
                return Unsafe.Add(ref _firstChar, index);
            }
        }
    }
}
