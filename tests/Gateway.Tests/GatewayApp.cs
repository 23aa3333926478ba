using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Gateway;

/// <summary>
/// The gateway in process with small limits (5 requests per address, 3 per user, per minute), behind one configured
/// proxy (<see cref="TrustedProxy"/>). Each request names the peer it comes from in <see cref="PeerHeader"/> (the
/// in-process server has no network peer); without it the peer is loopback.
/// </summary>
public sealed class GatewayApp : WebApplicationFactory<Program>
{
    public const int PerAddress = 5, PerUser = 3;
    public const string TrustedProxy = "192.0.2.10";
    public const string PeerHeader = "X-Test-Peer";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Identity:Issuer", TestTokens.Issuer);
        builder.UseSetting("Identity:SigningPublicKey", TestTokens.PublicKeyPem);
        builder.UseSetting("RateLimits:PerAddress:PermitLimit", PerAddress.ToString());
        builder.UseSetting("RateLimits:PerAddress:Window", "00:01:00");
        builder.UseSetting("RateLimits:PerUser:PermitLimit", PerUser.ToString());
        builder.UseSetting("RateLimits:PerUser:Window", "00:01:00");
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", TrustedProxy);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FromPeer>());
    }

    /// <summary>Sets the connection's peer address before the gateway's own middleware sees the request.</summary>
    sealed class FromPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, then) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.TryParse(context.Request.Headers[PeerHeader], out var peer)
                    ? peer : context.Connection.RemoteIpAddress ?? IPAddress.Loopback;
                return then();
            });
            next(app);
        };
    }
}
