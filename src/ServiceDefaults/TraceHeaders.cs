using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Every answer carries the W3C <c>traceparent</c> of the request's server span, so that a front-end can hand an
/// operator the trace of any call, one that worked included. A service also names the operation's route template in
/// <see cref="RouteHeader"/>; the gateway names its span after it (rather than its catch-all proxy route) and drops
/// the header (<see cref="TakeRouteTemplate"/>).
/// </summary>
public static partial class TraceHeaders
{
    /// <summary>The route template of the service endpoint that answered, e.g. <c>/api/v1/applications/{applicationId}</c>.</summary>
    public const string RouteHeader = "X-Route-Template";

    const string RouteItem = "sm.route-template";

    /// <summary>Adds <c>traceparent</c> to every answer; <paramref name="announceRoute"/> adds <see cref="RouteHeader"/> too.</summary>
    public static IApplicationBuilder UseTraceHeaders(this IApplicationBuilder app, bool announceRoute)
    {
        app.Use((context, next) =>
        {
            var activity = context.Features.Get<IHttpActivityFeature>()?.Activity ?? Activity.Current;
            context.Response.OnStarting(() =>
            {
                if (activity is not null && activity.IdFormat == ActivityIdFormat.W3C)
                    context.Response.Headers["traceparent"] =
                        $"00-{activity.TraceId}-{activity.SpanId}-{(activity.Recorded ? "01" : "00")}";
                if (announceRoute && context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route })
                    context.Response.Headers[RouteHeader] = Template(route);
                return Task.CompletedTask;
            });
            return next();
        });
        return app;
    }

    /// <summary>The gateway keeps the service's route template for its span and does not pass the header on.</summary>
    public static void TakeRouteTemplate(HttpContext context)
    {
        if (context.Response.Headers.TryGetValue(RouteHeader, out var route) && route.Count > 0)
        {
            context.Items[RouteItem] = route.ToString();
            context.Response.Headers.Remove(RouteHeader);
        }
    }

    /// <summary>Names the server span after the operation's route template when the gateway learned it.</summary>
    public static void NameSpan(Activity activity, HttpResponse response)
    {
        if (response.HttpContext.Items[RouteItem] is not string route) return;
        activity.DisplayName = $"{response.HttpContext.Request.Method} {route}";
        activity.SetTag("http.route", route);
    }

    /// <summary><c>/a/{id:guid}</c> as <c>/a/{id}</c>: the template without its constraints, as the documents show it.</summary>
    static string Template(string raw) => Constraint().Replace(raw.StartsWith('/') ? raw : "/" + raw, "{$1}");

    [GeneratedRegex(@"\{([^:}=?]+)[^}]*\}")]
    private static partial Regex Constraint();
}
