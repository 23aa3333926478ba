using System.Security.Claims;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using ServiceManufacturing.ServiceDefaults.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ServiceManufacturing.Services.Identity.Connect;

/// <summary>The claims the platform's tokens carry for a user or a machine client.</summary>
static class TokenPrincipal
{
    public static ClaimsPrincipal For(CurrentUser user, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, PlatformClaims.Name, PlatformClaims.Role);
        identity.SetClaim(Claims.Subject, user.Subject)
            .SetClaim(Claims.Name, user.Name)
            .SetClaim(Claims.Role, user.Role)
            .SetClaim(PlatformClaims.Authority, user.AuthorityCode)
            .SetClaim(PlatformClaims.CreditCode, user.CreditCode)
            .SetClaim(PlatformClaims.City, user.City);
        identity.SetScopes(scopes);
        identity.SetResources(PlatformClaims.Audience);
        identity.SetDestinations(claim => claim.Type is Claims.Subject or Claims.Name or Claims.Role
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
