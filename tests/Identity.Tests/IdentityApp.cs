using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Identity;

/// <summary>The identity provider in process, signing with the test key, its token store in a schema of its own.</summary>
public sealed class IdentityApp() : ServiceFactory<Program>("identitydb", "identity")
{
    public const string AdministratorPassword = "Admin-Password-2023";

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Identity:SigningKey", TestTokens.PrivateKeyPem),
        new("Identity:RequireHttps", "false"),
        new("Identity:TokenStoreSchema", Schema + "_oidc"),
        new("Identity:Administrator:Password", AdministratorPassword),
    ];
}
