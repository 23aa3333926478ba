using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Identity.Accounts;

namespace ServiceManufacturing.Services.Identity.SignIn;

/// <summary>
/// The plain, server-rendered sign-in page of the authorization code flow. A successful sign-in sets a short-lived
/// cookie for this service only and returns to the authorization request that asked for it.
/// </summary>
public static class SignInPage
{
    public const string CookieScheme = "sign-in";
    public const string Path = "/account/sign-in";

    public static void MapSignInPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Show).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(Path, Submit).AllowAnonymous().ExcludeFromDescription();
    }

    static IResult Show(HttpContext context, IAntiforgery antiforgery, string? returnUrl = null) =>
        Page(context, antiforgery, returnUrl, failed: false);

    static async Task<IResult> Submit(HttpContext context, IAntiforgery antiforgery, AccountOperations accounts,
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl, CancellationToken ct)
    {
        var account = userName is { Length: > 0 } && password is { Length: > 0 }
            ? await accounts.SignInAsync(userName, password, ct)
            : null;
        if (account is null) return Page(context, antiforgery, returnUrl, failed: true);

        var identity = new ClaimsIdentity(CookieScheme, PlatformClaims.Name, PlatformClaims.Role);
        identity.AddClaim(new Claim(PlatformClaims.Subject, account.Id.ToString()));
        identity.AddClaim(new Claim(PlatformClaims.Name, account.DisplayName));
        await context.SignInAsync(CookieScheme, new ClaimsPrincipal(identity));
        return Results.Redirect(IsSafeReturn(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>
    /// A path on this site (not "//host" or "/\\host") of printable ASCII only: anything else (a control character, a
    /// space, non-ASCII, an absolute URL) returns to "/" instead, since it cannot stand in a Location header.
    /// </summary>
    public static bool IsSafeReturn(string? url) =>
        url is { Length: > 0 and <= 4096 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && url.All(c => c is > ' ' and < '\x7f') && Uri.TryCreate(url, UriKind.Relative, out _);

    static IResult Page(HttpContext context, IAntiforgery antiforgery, string? returnUrl, bool failed)
    {
        var token = antiforgery.GetAndStoreTokens(context);
        string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var error = failed
            ? """<p class="error" role="alert">用户名或密码错误，或账号已被暂时锁定。<br>The user name or password is wrong, or the account is locked for a while.</p>"""
            : "";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>登录 Sign in · 服务型制造示范遴选平台</title>
            <style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:26rem;margin:4rem auto;padding:0 1rem}
            label{display:block;margin:.8rem 0 .2rem}input{width:100%;padding:.5rem;box-sizing:border-box}
            button{margin-top:1.2rem;padding:.6rem 1.2rem}.error{color:#b00020}</style></head>
            <body>
            <h1>服务型制造示范遴选平台<br><small>Service-oriented Manufacturing Demonstration platform</small></h1>
            {{error}}
            <form method="post" action="{{Path}}">
              <input type="hidden" name="{{E(token.FormFieldName)}}" value="{{E(token.RequestToken)}}">
              <input type="hidden" name="returnUrl" value="{{E(returnUrl)}}">
              <label for="userName">用户名 User name</label>
              <input id="userName" name="userName" autocomplete="username" required>
              <label for="password">密码 Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              <button type="submit">登录 Sign in</button>
            </form>
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: failed ? 400 : 200);
    }
}
