namespace KernelStress.Tool.Uart;

/// <summary>How <c>kstress boot</c> shows the kernel's records to a person (Ctrl-A R cycles them).</summary>
public enum RecordView
{
    /// <summary>One short line per record; consecutive records of one type share a line that counts them; progress is a live line.</summary>
    Brief,

    /// <summary>The frames as the kernel sent them.</summary>
    Raw,

    /// <summary>None (a corrupt one is still flagged).</summary>
    Hidden,
}
