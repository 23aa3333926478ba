using System.Security.Cryptography;
using System.Text;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.IdentityModel.Tokens;
using ServiceManufacturing.ServiceDefaults.Audit;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Identity.Accounts;
using ServiceManufacturing.Services.Identity.Connect;
using ServiceManufacturing.Services.Identity.Experts;
using ServiceManufacturing.Services.Identity.Organisations;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.ServiceDefaults.Messaging;
using ServiceManufacturing.Services.Identity.SignIn;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ServiceManufacturing.Services.Identity;

static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Identity");
        var options = section.Get<IdentityProviderOptions>() ?? new();
        builder.Services.Configure<IdentityProviderOptions>(section);
        var signingKey = SigningKey(options);
        // The service validates its own tokens (for its accounts API) with the public half, like every service.
        builder.Configuration["Identity:SigningPublicKey"] ??= signingKey.Rsa.ExportSubjectPublicKeyInfoPem();

        builder.AddServiceApi();
        builder.AddEventStore("identitydb", store =>
        {
            store.Projections.LiveStreamAggregation<Account>();
            store.Projections.Add<AccountDetailsProjection>(ProjectionLifecycle.Inline);
            store.Schema.For<AccountDetails>().UniqueIndex(a => a.UserName);
            store.Projections.LiveStreamAggregation<Organisation>();
            store.Projections.Add<OrganisationMembersProjection>(ProjectionLifecycle.Inline);
            store.Projections.Add<BindingRequestProjection>(ProjectionLifecycle.Inline);
            store.Projections.LiveStreamAggregation<Expert>();
            store.Projections.Add<ExpertDetailsProjection>(ProjectionLifecycle.Inline);
        }).AddIntegrationEventRelay<IntegrationEvents>();
        builder.AddAuditTrail("identitydb", history => history.DescribeAccounts().DescribeOrganisations().DescribeExperts());
        builder.AddMessaging();
        builder.AddScanArchive("identitydb");
        builder.Services.AddScoped<AccountOperations>();
        builder.Services.AddSingleton<IPasswordHasher<AccountDetails>, PasswordHasher<AccountDetails>>();

        builder.Services.AddAntiforgery();
        builder.Services.AddAuthentication().AddCookie(SignInPage.CookieScheme, cookie =>
        {
            cookie.LoginPath = SignInPage.Path;
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.Cookie.Name = "sm.sign-in";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(30);
        });

        builder.Services.AddDbContext<TokenStore>(db => db
            .UseNpgsql(ServiceRole.ConnectionStringFor(builder.Configuration.GetConnectionString("identitydb")!))
            .UseOpenIddict()
            .ReplaceService<IModelCacheKeyFactory, SchemaModelCacheKeyFactory>());
        builder.Services.AddHostedService<TokenStoreCreator>();
        builder.Services.AddHostedService<Seeding>();
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<TokenStore>())
            .AddServer(server =>
            {
                server.SetIssuer(new Uri(options.Issuer));
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess, PlatformClaims.ApiScope);
                // The discovery document lists the claims a front-end reads from its tokens (README, front-end teams).
                server.RegisterClaims(Claims.Subject, Claims.Name, PlatformClaims.Role, PlatformClaims.Authority,
                    PlatformClaims.CreditCode, PlatformClaims.City);
                server.AddEventHandler(RedirectUriProblem.Descriptor);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(options.RefreshTokenLifetime);
                server.AddSigningKey(signingKey).AddEncryptionKey(EncryptionKey(signingKey));
                // Access tokens are signed JWTs every service validates with the public key alone.
                server.DisableAccessTokenEncryption();
                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!options.RequireHttps) aspNetCore.DisableTransportSecurityRequirement();
            });
        // PKCE with S256 only: "plain" is neither accepted nor advertised.
        builder.Services.PostConfigure<OpenIddict.Server.OpenIddictServerOptions>(server =>
        {
            server.CodeChallengeMethods.Clear();
            server.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
        });
    }

    static RsaSecurityKey SigningKey(IdentityProviderOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKey))
            throw new InvalidOperationException("Identity:SigningKey (an RSA private key in PEM) is not configured.");
        var rsa = RSA.Create();
        rsa.ImportFromPem(options.SigningKey);
        var keyId = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16];
        return new RsaSecurityKey(rsa) { KeyId = keyId };
    }

    /// <summary>Authorization codes and refresh tokens are encrypted with a key derived from the signing key.</summary>
    static SymmetricSecurityKey EncryptionKey(RsaSecurityKey signingKey) => new(HKDF.DeriveKey(HashAlgorithmName.SHA256,
        signingKey.Rsa.ExportPkcs8PrivateKey(), 32, info: Encoding.UTF8.GetBytes("servicemanufacturing token encryption")));
}
