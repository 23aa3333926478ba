using Marten;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Identity.Accounts;
using ServiceManufacturing.Services.Identity.SignIn;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ServiceManufacturing.Services.Identity.Connect;

/// <summary>
/// The authorization, token and end-session endpoints (OpenIddict hands them over after validating the protocol).
/// Every token is built afresh from the account, so a locked-out account gets no new tokens.
/// </summary>
public static class ConnectEndpoints
{
    public static void MapConnectEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", ["GET", "POST"], Authorize).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/connect/token", Token).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods("/connect/logout", ["GET", "POST"], Logout).AllowAnonymous().ExcludeFromDescription();
    }

    static async Task<IResult> Authorize(HttpContext context, IQuerySession session, TimeProvider clock)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("No OpenID Connect request.");
        var signedIn = await context.AuthenticateAsync(SignInPage.CookieScheme);
        if (!signedIn.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            var query = context.Request.HasFormContentType
                ? QueryString.Create((await context.Request.ReadFormAsync()).Select(f => KeyValuePair.Create(f.Key, f.Value)))
                : context.Request.QueryString;
            return Results.Challenge(new AuthenticationProperties { RedirectUri = context.Request.Path + query },
                [SignInPage.CookieScheme]);
        }
        var account = await ActiveAccountAsync(session, signedIn.Principal!.FindFirst(PlatformClaims.Subject)?.Value, clock);
        return account is null
            ? Refuse(Errors.AccessDenied, "The account is locked or no longer exists.")
            : Results.SignIn(TokenPrincipal.For(account.ToUser(), request.GetScopes()), null,
                OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    static async Task<IResult> Token(HttpContext context, IQuerySession session, TimeProvider clock,
        IOptions<IdentityProviderOptions> options)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("No OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var client = options.Value.Clients.GetValueOrDefault(request.ClientId ?? "");
            return client?.Role is not { Length: > 0 } role
                ? Refuse(Errors.UnauthorizedClient, "This client has no role on the platform.")
                : Results.SignIn(TokenPrincipal.For(new CurrentUser(request.ClientId!, client.DisplayName, role, null, null, null),
                    request.GetScopes()), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var account = await ActiveAccountAsync(session, granted.Principal?.GetClaim(Claims.Subject), clock);
            return account is null
                ? Refuse(Errors.InvalidGrant, "The account is locked or no longer exists.")
                : Results.SignIn(TokenPrincipal.For(account.ToUser(), granted.Principal!.GetScopes()), null,
                    OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        return Refuse(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    static async Task<IResult> Logout(HttpContext context, CancellationToken ct)
    {
        await context.SignOutAsync(SignInPage.CookieScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    static async Task<AccountDetails?> ActiveAccountAsync(IQuerySession session, string? subject, TimeProvider clock) =>
        Guid.TryParse(subject, out var id) && await session.LoadAsync<AccountDetails>(id) is { } account
            && !(account.LockedUntil > clock.GetUtcNow())
            ? account
            : null;

    static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
