// The shapes of value a flag can take; FlagSpec says which, CommandParser checks it.
namespace KernelStress.Shell;

public enum FlagKind
{
    /// <summary>No value: present or absent (`--json`).</summary>
    Switch,
    /// <summary>One unsigned integer in an inclusive range (`--fail-rate 20`).</summary>
    Unsigned,
    /// <summary>One word from a fixed set (`--gen xorshift64star`); the value is its index.</summary>
    Choice,
    /// <summary>Comma-separated unsigned integers, each in range, at most MaxCount (`--levels 5,10,25`).</summary>
    UnsignedList,
    /// <summary>Comma-separated words from a fixed set, each at most once (`--components alloc,prng`); the values are their indices.</summary>
    ChoiceList,
    /// <summary>Comma-separated KEY:N pairs, keys from a fixed set, each key at most once (`--weights memory:40,noise:20`).</summary>
    KeyValueList,
}
