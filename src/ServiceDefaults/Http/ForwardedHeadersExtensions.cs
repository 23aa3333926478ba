using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceManufacturing.ServiceDefaults.Http;

/// <summary>
/// The client's address, scheme and host as the proxy in front saw them (X-Forwarded-*), trusted only from the
/// proxies named in ForwardedHeaders:KnownProxies (loopback is always trusted: the gateway runs beside the services).
/// </summary>
public static class ForwardedHeadersExtensions
{
    public static IServiceCollection AddForwardedHeadersFromProxies(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
                options.KnownProxies.Add(IPAddress.Parse(proxy));
        });
}
