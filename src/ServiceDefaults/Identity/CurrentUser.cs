using System.Security.Claims;

namespace ServiceManufacturing.ServiceDefaults.Identity;

/// <summary>The signed-in user, as the access token describes them.</summary>
public sealed record CurrentUser(string Subject, string Name, string Role, string? AuthorityCode, string? CreditCode, string? City)
{
    /// <summary>The user of an authenticated request.</summary>
    public static CurrentUser From(ClaimsPrincipal principal) => new(
        principal.FindFirstValue(PlatformClaims.Subject) ?? throw new InvalidOperationException("The token has no subject."),
        principal.FindFirstValue(PlatformClaims.Name) ?? "",
        principal.FindFirstValue(PlatformClaims.Role) ?? "",
        principal.FindFirstValue(PlatformClaims.Authority),
        principal.FindFirstValue(PlatformClaims.CreditCode),
        principal.FindFirstValue(PlatformClaims.City));

    public bool Is(string role) => Role == role;

    /// <summary>Ministry officers and auditors see every authority's data.</summary>
    public bool SeesEverything => Is(PlatformRoles.MinistryOfficer) || Is(PlatformRoles.Auditor);

    /// <summary>An officer of <paramref name="authorityCode"/>, or someone who sees everything.</summary>
    public bool ActsFor(string authorityCode) =>
        SeesEverything || (Is(PlatformRoles.AuthorityOfficer) && AuthorityCode == authorityCode);

    /// <summary>How the user appears in an event's metadata.</summary>
    public string AuditName => $"{Role}:{Subject}";
}
