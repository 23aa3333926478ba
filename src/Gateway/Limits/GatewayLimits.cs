using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.Gateway.Limits;

/// <summary>One fixed-window limit: so many requests per window.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; } = 100;
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>The gateway's limits (section "RateLimits").</summary>
public sealed class RateLimitOptions
{
    /// <summary>Per signed-in user (the token's subject), across all their addresses.</summary>
    public WindowLimit PerUser { get; set; } = new() { PermitLimit = 100 };

    /// <summary>Per client address, signed in or not: the deadline surge and password spraying stop here.</summary>
    public WindowLimit PerAddress { get; set; } = new() { PermitLimit = 300 };
}

public static class GatewayLimits
{
    static readonly Rule TooManyRequests = new("too-many-requests", 429,
        "请求过于频繁，请稍后再试。", "Too many requests; try again after the time in Retry-After.");

    /// <summary>Rate limits per user and per address (429 with Retry-After), and the CORS allow-list (Cors:AllowedOrigins).</summary>
    public static IServiceCollection AddGatewayLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new();
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    context.User.FindFirst(PlatformClaims.Subject)?.Value is { } user && !IsHealth(context)
                        ? Window($"user:{user}", limits.PerUser)
                        : RateLimitPartition.GetNoLimiter("anonymous")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsHealth(context)
                    ? RateLimitPartition.GetNoLimiter("health")
                    : Window($"address:{context.Connection.RemoteIpAddress}", limits.PerAddress)));
            options.OnRejected = async (rejected, ct) =>
            {
                var context = rejected.HttpContext;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await Problems.Of(TooManyRequests).ExecuteAsync(context);
            };
        });

        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "If-Match", "traceparent")
            // What a browser's script may read: versions, new resources, when to retry, a download's name, the trace.
            .WithExposedHeaders("ETag", "Location", "Retry-After", "Content-Disposition", "traceparent",
                ServiceManufacturing.ServiceDefaults.Audit.HistoryQuery.TruncatedHeader)));
        return services;
    }

    static bool IsHealth(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/alive");

    static RateLimitPartition<string> Window(string key, WindowLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });
}
