using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace ServiceManufacturing.ServiceDefaults.Identity;

/// <summary>
/// Every service validates the platform's access tokens itself, so authorization holds for a request that
/// bypasses the gateway. The issuer's public signing key and its address come from configuration
/// (Identity:SigningPublicKey, Identity:Issuer).
/// </summary>
public static class AuthenticationExtensions
{
    /// <summary>The most a token's times may be off: the issuer's and the service's clocks differ a little.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Adds bearer-token validation and a policy per role. Unless <paramref name="requireSignedIn"/> is false,
    /// the fallback policy requires a signed-in user, so no endpoint is open by omission.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformAuthentication(this IHostApplicationBuilder builder, bool requireSignedIn = true)
    {
        var issuer = builder.Configuration["Identity:Issuer"]
            ?? throw new InvalidOperationException("Identity:Issuer is not configured.");
        var publicKey = builder.Configuration["Identity:SigningPublicKey"]
            ?? throw new InvalidOperationException("Identity:SigningPublicKey is not configured.");
        var rsa = RSA.Create();
        rsa.ImportFromPem(publicKey);

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.RequireHttpsMetadata = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuers = [issuer.TrimEnd('/'), issuer.TrimEnd('/') + "/"],
                ValidAudience = PlatformClaims.Audience,
                IssuerSigningKey = new RsaSecurityKey(rsa),
                ValidTypes = ["at+jwt"],
                ClockSkew = ClockSkew,
                NameClaimType = PlatformClaims.Name,
                RoleClaimType = PlatformClaims.Role,
            };
        });
        builder.Services.AddAuthorization(options =>
        {
            if (requireSignedIn)
                options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        return builder;
    }

    /// <summary>Only <paramref name="roles"/> may call the endpoint; anyone else signed in gets 403.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params string[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy.RequireRole(roles));
}
