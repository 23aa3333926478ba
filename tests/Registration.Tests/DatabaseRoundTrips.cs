using System.Collections.Concurrent;
using System.Diagnostics;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>
/// Every database command one request made, as Npgsql traced it: the request carries a W3C traceparent of its own, and
/// the service's commands (Marten's queries, batches and commits) continue that trace, so the daemon's polling beside it
/// is left out.
/// </summary>
public sealed class DatabaseRoundTrips : IDisposable
{
    readonly ConcurrentDictionary<ActivityTraceId, ConcurrentQueue<string>> commands = new();
    readonly ActivityListener listener;

    public DatabaseRoundTrips()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                commands.ContainsKey(options.Parent.TraceId) ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (commands.TryGetValue(activity.TraceId, out var list))
                    list.Enqueue(activity.GetTagItem("db.query.text") as string ?? activity.DisplayName);
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>Sends <paramref name="request"/> with a trace of its own; its answer and the commands the service made for it.</summary>
    public async Task<(HttpResponseMessage Response, IReadOnlyList<string> Commands)> OfAsync(HttpClient client, HttpRequestMessage request)
    {
        var trace = ActivityTraceId.CreateRandom();
        var list = commands[trace] = new ConcurrentQueue<string>();
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        var response = await client.SendAsync(request);
        return (response, list.ToList());
    }

    public void Dispose() => listener.Dispose();
}
