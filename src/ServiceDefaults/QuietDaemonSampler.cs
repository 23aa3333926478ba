using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The async daemon polls the event store every second; a trace per poll would bury the request traces on the
/// dashboard. Those root spans (and so their database children) are not recorded; everything else is.
/// </summary>
sealed class QuietDaemonSampler : Sampler
{
    public override SamplingResult ShouldSample(in SamplingParameters parameters) =>
        parameters.Name.StartsWith("marten.daemon.", StringComparison.Ordinal)
            ? new SamplingResult(SamplingDecision.Drop)
            : new SamplingResult(SamplingDecision.RecordAndSample);
}
