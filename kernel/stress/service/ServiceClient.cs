// One request of a client to the KernelService, start to answer: submit,
// then wait for the answer — yielding while it is fresh, sleeping a tick at a
// time after SpinNs — until it comes or the timeout passes. The answer is
// checked against ServiceChannel.Answer(payload).
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Time;

namespace KernelStress.Kernel.Stress.Service
{
    internal enum RequestOutcome
    {
        Answered,
        WrongAnswer,
        TimedOut,
        Rejected,
    }

    internal static class ServiceClient
    {
        private const ulong SpinNs = 50_000;

        public static RequestOutcome Request(int client, ulong sequence, ulong payload, ulong timeoutNs, out ulong latencyNs)
        {
            ulong start = Clock.NowNanoseconds;
            latencyNs = 0;
            if (!ServiceChannel.Submit(client, sequence, payload))
                return RequestOutcome.Rejected;
            while (true)
            {
                if (ServiceChannel.TryTakeAnswer(client, sequence, out ulong answer))
                {
                    latencyNs = Clock.NowNanoseconds - start;
                    return answer == ServiceChannel.Answer(payload) ? RequestOutcome.Answered : RequestOutcome.WrongAnswer;
                }
                ulong waited = Clock.NowNanoseconds - start;
                if (waited >= timeoutNs)
                {
                    latencyNs = waited;
                    return RequestOutcome.TimedOut;
                }
                if (waited < SpinNs)
                    Scheduler.Yield();
                else
                    Scheduler.Sleep(1);
            }
        }
    }
}
