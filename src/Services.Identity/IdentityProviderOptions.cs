namespace ServiceManufacturing.Services.Identity;

/// <summary>The identity provider's configuration (section "Identity"); secrets come from Aspire parameters.</summary>
public sealed class IdentityProviderOptions
{
    /// <summary>The public address tokens are issued for: the gateway's.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>The RSA private key (PEM) that signs tokens; the services hold only its public half.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>Off only where TLS ends before the platform (development, tests).</summary>
    public bool RequireHttps { get; set; } = true;

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The first ministry account, created at start when no account has its user name.</summary>
    public SeedAccount Administrator { get; set; } = new();

    /// <summary>Development only: one account of each role (README lists them), all with this password.</summary>
    public string? DevelopmentUsersPassword { get; set; }

    /// <summary>The OAuth clients, by client id.</summary>
    public Dictionary<string, ClientOptions> Clients { get; set; } = [];

    /// <summary>Where OpenIddict keeps applications, authorizations and tokens (tests use one schema per class).</summary>
    public string TokenStoreSchema { get; set; } = "openiddict";
}

public sealed class SeedAccount
{
    public string UserName { get; set; } = "ministry-admin";
    public string? Password { get; set; }
}

/// <summary>A client: public (authorization code + PKCE) without a secret, confidential (client credentials) with one.</summary>
public sealed class ClientOptions
{
    public string DisplayName { get; set; } = "";
    public string? Secret { get; set; }
    public string[] RedirectUris { get; set; } = [];
    public string[] PostLogoutRedirectUris { get; set; } = [];

    /// <summary>The role a confidential client's own tokens carry.</summary>
    public string? Role { get; set; }
}
