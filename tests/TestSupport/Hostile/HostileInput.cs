using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marten;
using Xunit;

namespace ServiceManufacturing.Tests.TestSupport.Hostile;

/// <summary>
/// Sends generated hostile requests to a service and checks each answer: never a 5xx; a refusal (4xx) is an RFC 9457
/// problem and stores nothing. A failure message lists each offending request as it can be sent again.
/// </summary>
public static partial class HostileInput
{
    /// <summary>
    /// The access log records refusals (<c>AccessDenied</c>) and auditors' reads (<c>AuditorRead</c>) as events, on
    /// purpose: a refused request leaves exactly that trace. They are not what the request asked to store, so the
    /// check that "a refusal stores nothing" counts every other event.
    /// </summary>
    static readonly string[] AccessLogEvents = ["access_denied", "auditor_read"];

    /// <summary>
    /// <paramref name="count"/> scaled by SM_HOSTILE_SCALE (default 1): the test command's run sends over 10,000
    /// requests in all; a developer can send more (or fewer) while looking for a fault.
    /// </summary>
    public static int Scaled(int count) =>
        double.TryParse(Environment.GetEnvironmentVariable("SM_HOSTILE_SCALE"), System.Globalization.CultureInfo.InvariantCulture, out var scale)
            ? (int)Math.Max(1, count * scale)
            : count;

    /// <summary>
    /// Generates <paramref name="count"/> requests from the service's own OpenAPI document, spread evenly over its
    /// operations and callers, and sends them one at a time. <paramref name="hints"/> gives plausible values by field
    /// or parameter name (codes, names) so that requests reach past the first validation.
    /// </summary>
    public static async Task<HostileRun> RunAsync<TProgram>(ServiceFactory<TProgram> app, int count, int seed,
        IReadOnlyDictionary<string, string[]> hints, IEnumerable<string>? knownIds = null) where TProgram : class
    {
        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var operations = ApiOperation.AllOf(document);
        Assert.NotEmpty(operations);
        var generator = new RequestGenerator(document, new Random(seed), hints);
        generator.KnownIds.AddRange(knownIds ?? []);
        var declared = new Dictionary<HostileRequest, (ApiOperation Operation, HashSet<string> Statuses)>(ReferenceEqualityComparer.Instance);
        var requests = Enumerable.Range(0, count).Select(i =>
        {
            var operation = operations[i % operations.Count];
            var caller = RequestGenerator.Callers[i / operations.Count % RequestGenerator.Callers.Count];
            var request = generator.Next(operation, caller);
            declared[request] = (operation, Statuses(document, operation));
            return request;
        });
        var run = await SendAsync(app, requests, requireProblem: true, harvest: generator.KnownIds,
            answered: (request, status) =>
            {
                // 404 and 405 of a path or method no operation has (a hostile path segment) are the router's, not the operation's.
                if (declared.TryGetValue(request, out var d) && !d.Statuses.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    && status is not (404 or 405 or 429))
                    return $"answered {status}, which {d.Operation} does not declare in the document";
                return null;
            });
        return run;
    }

    /// <summary>The statuses <paramref name="operation"/> declares in <paramref name="document"/>.</summary>
    static HashSet<string> Statuses(JsonDocument document, ApiOperation operation) =>
        document.RootElement.GetProperty("paths").GetProperty(operation.Path).GetProperty(operation.Method.ToLowerInvariant())
            .TryGetProperty("responses", out var responses) ? [.. responses.EnumerateObject().Select(r => r.Name)] : [];

    /// <summary>
    /// Sends <paramref name="requests"/> and checks each answer (see the class); <paramref name="answered"/>, when given,
    /// says what is wrong with a status (one the document does not declare), or null.
    /// </summary>
    public static async Task<HostileRun> SendAsync<TProgram>(ServiceFactory<TProgram> app, IEnumerable<HostileRequest> requests,
        bool requireProblem, List<string>? harvest = null, Func<HostileRequest, bool>? mayStoreOnRefusal = null,
        Func<HostileRequest, int, string?>? answered = null) where TProgram : class
    {
        var run = new HostileRun();
        var client = app.RawClient();
        var events = await StoredEventsAsync(app);
        app.LoggedErrors.Take();
        foreach (var request in requests)
        {
            using var message = request.ToMessage();
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(message);
            }
            catch (InvalidOperationException e) when (e.Message.Contains("null characters"))
            {
                // The in-process test server cannot carry a NUL in the path (Kestrel refuses it before the pipeline).
                run.Count(0);
                continue;
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                var type = response.Content.Headers.ContentType?.MediaType;
                run.Count(status);
                var after = await StoredEventsAsync(app);
                var logged = app.LoggedErrors.Take();
                if (status >= 500)
                    run.Fail(request, $"answered {status}: {Short(body)}{string.Concat(logged.Take(2).Select(e => $"{Environment.NewLine}    logged: {e}"))}");
                else if (status >= 400 && after != events && mayStoreOnRefusal?.Invoke(request) != true)
                    run.Fail(request, $"answered {status} yet stored {after - events} event(s)");
                else if (status >= 400 && requireProblem && type != "application/problem+json")
                    run.Fail(request, $"answered {status} without a problem body ({type ?? "no content type"}): {Short(body)}");
                else if (answered?.Invoke(request, status) is { } undeclared)
                    run.Fail(request, undeclared);
                if (status < 300 && harvest is not null && type == "application/json")
                    Harvest(body, harvest);
                events = after;
            }
        }
        return run;
    }

    /// <summary>The events the service has stored, the access log's records left out (see <see cref="AccessLogEvents"/>).</summary>
    static async Task<long> StoredEventsAsync<TProgram>(ServiceFactory<TProgram> app) where TProgram : class
    {
        await using var session = app.Store.QuerySession();
        var counts = await session.AdvancedSql.QueryAsync<long>(
            $"select count(*) from {app.Schema}.mt_events where type not in ({string.Join(", ", AccessLogEvents.Select(e => $"'{e}'"))})",
            CancellationToken.None);
        return counts[0];
    }

    static void Harvest(string body, List<string> ids)
    {
        foreach (Match match in Guid().Matches(body))
            if (ids.Count < 500 && !ids.Contains(match.Value)) ids.Add(match.Value);
    }

    static string Short(string body) => HostileRequest.Escape(body.Length > 600 ? body[..600] + "…" : body);

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();
}

/// <summary>What a run sent and what went wrong.</summary>
public sealed class HostileRun
{
    readonly List<string> failures = [];
    readonly SortedDictionary<int, int> statuses = [];

    public int Sent => statuses.Values.Sum();

    public void Count(int status) => statuses[status] = statuses.GetValueOrDefault(status) + 1;

    public void Fail(HostileRequest request, string what) => failures.Add($"{request}{Environment.NewLine}    → {what}");

    /// <summary>Fails the test with every offending request (the first 40 in full) and the answers' statuses.</summary>
    public void AssertNoFailures()
    {
        var summary = $"{Sent} requests; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}";
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {summary}{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(40))}");
    }

    public override string ToString() => $"{Sent} requests; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}";
}
