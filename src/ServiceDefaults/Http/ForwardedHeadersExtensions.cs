using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceManufacturing.ServiceDefaults.Http;

/// <summary>
/// The client's address, scheme and host as the proxy in front saw them (X-Forwarded-*), trusted only from the
/// proxies named in ForwardedHeaders:KnownProxies (addresses, or networks such as 10.0.0.0/8). ASP.NET Core's own
/// default (loopback) is cleared: a header from anyone else is ignored and the peer's own address counts.
/// </summary>
public static class ForwardedHeadersExtensions
{
    /// <param name="services">The services.</param>
    /// <param name="configuration">Where ForwardedHeaders:KnownProxies is read.</param>
    /// <param name="whenNoneConfigured">
    /// The proxies trusted when the configuration names none: none at the gateway (it is the edge); loopback for a
    /// service, whose one proxy is the gateway running beside it.
    /// </param>
    public static IServiceCollection AddForwardedHeadersFromProxies(this IServiceCollection services, IConfiguration configuration,
        params IPAddress[] whenNoneConfigured) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            var configured = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
            foreach (var proxy in configured.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()))
            {
                if (proxy.Contains('/')) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
                else options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0)
                foreach (var proxy in whenNoneConfigured) options.KnownProxies.Add(proxy);
        });
}
