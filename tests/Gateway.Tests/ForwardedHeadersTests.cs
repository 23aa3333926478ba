using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.Tests.Gateway;

/// <summary>Whose X-Forwarded-* headers count: the gateway trusts only configured proxies, a service only the gateway.</summary>
public class ForwardedHeadersTests
{
    [Fact]
    public void ByDefaultTheGatewayTrustsNoProxyNotEvenLoopback()
    {
        var options = ForwardedHeadersFor([]);

        Assert.Empty(options.KnownProxies);
        Assert.Empty(options.KnownIPNetworks);
    }

    [Fact]
    public void ConfiguredProxiesAndNetworksAreTheOnlyOnesTrusted()
    {
        var options = ForwardedHeadersFor(new() { ["ForwardedHeaders:KnownProxies:0"] = "192.0.2.10", ["ForwardedHeaders:KnownProxies:1"] = "10.0.0.0/8" },
            IPAddress.Loopback);

        Assert.Equal([IPAddress.Parse("192.0.2.10")], options.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("10.0.0.0/8")], options.KnownIPNetworks);
    }

    [Fact]
    public void AServiceTrustsTheGatewayBesideItOnLoopbackUnlessItsAddressIsConfigured()
    {
        var options = ForwardedHeadersFor([], IPAddress.Loopback, IPAddress.IPv6Loopback);

        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], options.KnownProxies);
        Assert.Empty(options.KnownIPNetworks);
    }

    static ForwardedHeadersOptions ForwardedHeadersFor(Dictionary<string, string?> settings, params IPAddress[] whenNoneConfigured)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddForwardedHeadersFromProxies(configuration, whenNoneConfigured).BuildServiceProvider();
        return services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
    }
}
