using Microsoft.AspNetCore.Http;

namespace ServiceManufacturing.ServiceDefaults.Http;

/// <summary>A stream's version travels as the ETag; If-Match makes a write optimistic about it.</summary>
public static class StreamVersion
{
    /// <summary>The version the caller expects, from If-Match, or null when it sent none.</summary>
    public static long? Expected(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0) return null;
        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        return tag.Length > 2 && tag[0] == '"' && tag[^1] == '"' && long.TryParse(tag[1..^1], out var version) && version > 0
            ? version
            : throw new RuleViolation(PlatformRules.InvalidIfMatch);
    }

    /// <summary>The ETag of a stream at <paramref name="version"/>.</summary>
    public static string ETag(long version) => $"\"{version}\"";

    /// <summary>
    /// Runs <paramref name="write"/>; when it loses to a concurrent write (412 for a stale If-Match, else 409), the
    /// problem carries the resource as it now stands in <c>current</c>, with its ETag, so that the user sees what the
    /// other wrote before deciding again.
    /// </summary>
    public static async Task<IResult> OrCurrentAsync<T>(HttpRequest request, Func<Task<IResult>> write, Func<Task<T?>> current,
        Func<T, long> versionOf) where T : class
    {
        try
        {
            return await write();
        }
        catch (Exception e) when (EventStore.StreamWriter.IsConcurrent(e))
        {
            var problem = ProblemExceptionHandler.FromRule(
                request.Headers.IfMatch.Count > 0 ? PlatformRules.StaleVersion : PlatformRules.ConcurrentChange, null);
            if (await current() is not { } now) return TypedResults.Problem(problem);
            problem.Extensions["current"] = now;
            return WithETag(TypedResults.Problem(problem), versionOf(now));
        }
    }

    /// <summary><paramref name="result"/> with the stream's <paramref name="version"/> as its ETag.</summary>
    public static IResult WithETag(IResult result, long version) => new ETagged(result, version);

    sealed class ETagged(IResult inner, long version) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.ETag = ETag(version);
            return inner.ExecuteAsync(context);
        }
    }
}
