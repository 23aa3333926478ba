using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Gateway;

/// <summary>
/// The gateway in process with small limits (5 requests per address, 3 per user, per minute). Its requests arrive
/// from loopback, the trusted proxy in front, so X-Forwarded-For names each test's client address.
/// </summary>
public sealed class GatewayApp : WebApplicationFactory<Program>
{
    public const int PerAddress = 5, PerUser = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Identity:Issuer", TestTokens.Issuer);
        builder.UseSetting("Identity:SigningPublicKey", TestTokens.PublicKeyPem);
        builder.UseSetting("RateLimits:PerAddress:PermitLimit", PerAddress.ToString());
        builder.UseSetting("RateLimits:PerAddress:Window", "00:01:00");
        builder.UseSetting("RateLimits:PerUser:PermitLimit", PerUser.ToString());
        builder.UseSetting("RateLimits:PerUser:Window", "00:01:00");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FromLoopback>());
    }

    /// <summary>The in-process server names no peer; a real one behind the platform's proxy sees loopback.</summary>
    sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, then) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return then();
            });
            next(app);
        };
    }
}
