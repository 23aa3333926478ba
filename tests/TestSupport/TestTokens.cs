using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.Tests.TestSupport;

/// <summary>
/// Access tokens as the identity provider issues them (typ at+jwt, RS256, the platform's audience and claims),
/// signed with a key of this test run that the services under test are configured to trust.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "http://identity.test/";
    static readonly RSA Key = RSA.Create(2048);

    /// <summary>The private key, for the identity provider under test, which signs with it.</summary>
    public static string PrivateKeyPem { get; } = Key.ExportPkcs8PrivateKeyPem();

    /// <summary>The public key the services validate with.</summary>
    public static string PublicKeyPem { get; } = Key.ExportSubjectPublicKeyInfoPem();

    /// <summary>A token for <paramref name="user"/>, valid from <paramref name="issuedAt"/> (default now) for <paramref name="lifetime"/>.</summary>
    public static string For(CurrentUser user, TimeSpan? lifetime = null, DateTime? issuedAt = null, RSA? signingKey = null)
    {
        var now = issuedAt ?? DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            [PlatformClaims.Subject] = user.Subject,
            [PlatformClaims.Name] = user.Name,
            [PlatformClaims.Role] = user.Role,
            ["scope"] = PlatformClaims.ApiScope,
        };
        if (user.AuthorityCode is not null) claims[PlatformClaims.Authority] = user.AuthorityCode;
        if (user.CreditCode is not null) claims[PlatformClaims.CreditCode] = user.CreditCode;
        if (user.City is not null) claims[PlatformClaims.City] = user.City;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = PlatformClaims.Audience,
            TokenType = "at+jwt",
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(15)),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signingKey ?? Key), SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Sends <paramref name="client"/>'s requests as <paramref name="user"/>.</summary>
    public static HttpClient As(this HttpClient client, CurrentUser user)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", For(user));
        return client;
    }
}

/// <summary>One user of each role, as the tests sign in.</summary>
public static class TestUsers
{
    public const string ShenzhenCreditCode = "914403001922038216";

    public static CurrentUser Applicant { get; } = new("applicant-1", "深圳某某智能制造有限公司", PlatformRoles.Applicant, null, ShenzhenCreditCode, null);
    public static CurrentUser OtherApplicant { get; } = new("applicant-2", "天津某某机械有限公司", PlatformRoles.Applicant, null, "91110000600037341L", null);
    public static CurrentUser CityAuthority { get; } = new("city-1", "宁波市经济和信息化局", PlatformRoles.CityAuthority, "330200", null, "宁波市");
    public static CurrentUser HebeiOfficer { get; } = new("officer-hebei", "河北省工信厅", PlatformRoles.AuthorityOfficer, "130000", null, null);
    public static CurrentUser ShenzhenOfficer { get; } = new("officer-shenzhen", "深圳市工信局", PlatformRoles.AuthorityOfficer, "440300", null, null);
    public static CurrentUser DalianOfficer { get; } = new("officer-dalian", "大连市工信局", PlatformRoles.AuthorityOfficer, "210200", null, null);
    public static CurrentUser Ministry { get; } = new("ministry-1", "产业政策与法规司", PlatformRoles.MinistryOfficer, null, null, null);
    public static CurrentUser Expert { get; } = new("expert-1", "评审专家", PlatformRoles.Expert, null, null, null);
    public static CurrentUser Auditor { get; } = new("auditor-1", "审计", PlatformRoles.Auditor, null, null, null);

    /// <summary>One of each role.</summary>
    public static IReadOnlyList<CurrentUser> OneOfEachRole { get; } =
        [Applicant, CityAuthority, ShenzhenOfficer, Ministry, Expert, Auditor];
}
