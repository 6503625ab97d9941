// `records [on|brief|off]`: how records reach the console for the rest of the
// boot (RecordWriter.Display), so a person at a plain serial console can read
// a stress run: framed for programs (on, the default), one short line each
// (brief), or none (off). Alone, it shows the setting.
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell.Commands
{
    internal static class RecordsCommand
    {
        public static void Set(RecordDisplay display, TextSink output)
        {
            RecordWriter.Display = display;
            Show(output);
        }

        public static void Show(TextSink output)
        {
            switch (RecordWriter.Display)
            {
                case RecordDisplay.On:
                    output.WriteLine("records: on (each record framed with its length and CRC-32, for programs)"u8);
                    break;
                case RecordDisplay.Brief:
                    output.WriteLine("records: brief (each record as one short line: [type #seq] name=value ...)"u8);
                    break;
                default:
                    output.WriteLine("records: off (no records; 'records on' brings them back)"u8);
                    break;
            }
        }
    }
}
