using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace ServiceManufacturing.Tests.Gateway;

/// <summary>The gateway's span is named after the operation the service ran, not after its catch-all proxy route.</summary>
public class OperationNamingTests
{
    [Fact]
    public void TheGatewaysSpanTakesTheServicesRouteTemplateAndTheHeaderGoesNoFurther()
    {
        var context = new DefaultHttpContext { Request = { Method = "PUT" } };
        context.Response.Headers[TraceHeaders.RouteHeader] = "/api/v1/applications/{applicationId}/form";
        using var span = new Activity("Microsoft.AspNetCore.Hosting.HttpRequestIn").Start();
        span.DisplayName = "PUT /api/v1/applications/{**rest}";

        TraceHeaders.TakeRouteTemplate(context);
        TraceHeaders.NameSpan(span, context.Response);

        Assert.False(context.Response.Headers.ContainsKey(TraceHeaders.RouteHeader));
        Assert.Equal("PUT /api/v1/applications/{applicationId}/form", span.DisplayName);
        Assert.Equal("/api/v1/applications/{applicationId}/form", span.GetTagItem("http.route"));
    }

    [Fact]
    public void WithoutARouteTemplateFromTheServiceTheSpanKeepsItsName()
    {
        var context = new DefaultHttpContext { Request = { Method = "GET" } };
        using var span = new Activity("Microsoft.AspNetCore.Hosting.HttpRequestIn").Start();
        span.DisplayName = "GET /health";

        TraceHeaders.TakeRouteTemplate(context);
        TraceHeaders.NameSpan(span, context.Response);

        Assert.Equal("GET /health", span.DisplayName);
    }
}
