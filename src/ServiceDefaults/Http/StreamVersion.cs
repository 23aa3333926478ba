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
