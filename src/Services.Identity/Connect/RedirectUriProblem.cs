using System.Net;
using Microsoft.AspNetCore;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ServiceManufacturing.Services.Identity.Connect;

/// <summary>
/// An authorization request whose error cannot go back to the client (its redirect_uri is not registered, or the
/// client is unknown) gets a page that says so in Chinese and English, and how an operator registers the address,
/// rather than OpenIddict's bare error code (ID2043).
/// </summary>
static class RedirectUriProblem
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyAuthorizationResponseContext>()
            .UseInlineHandler(WriteAsync)
            // After OpenIddict has decided where the answer may go, before its ASP.NET Core host writes a bare error.
            .SetOrder(OpenIddictServerAspNetCoreHandlers.ProcessLocalErrorResponse<ApplyAuthorizationResponseContext>.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    static async ValueTask WriteAsync(ApplyAuthorizationResponseContext context)
    {
        if (string.IsNullOrEmpty(context.Error) || !string.IsNullOrEmpty(context.RedirectUri)) return;
        if (context.Transaction.GetHttpRequest()?.HttpContext.Response is not { } response) return;
        var clientId = context.Request?.ClientId ?? "";
        var redirectUri = context.Request?.RedirectUri ?? "";
        var aboutRedirect = context.Response.ErrorDescription?.Contains("redirect_uri", StringComparison.Ordinal) == true;
        string E(string s) => WebUtility.HtmlEncode(s);
        var advice = aboutRedirect
            ? $"""
              <p>前端地址 <code>{E(redirectUri)}</code> 未为客户端 <code>{E(clientId)}</code> 登记。请运营人员在配置
              <code>Identity:Clients:{E(clientId)}:RedirectUris</code> 中登记该地址（见 README“前端团队”一节）。</p>
              <p>The redirect_uri <code>{E(redirectUri)}</code> is not registered for the client <code>{E(clientId)}</code>.
              An operator registers it in the configuration <code>Identity:Clients:{E(clientId)}:RedirectUris</code>
              (README, "For front-end teams").</p>
              """
            : $"<p>登录请求无效。 / The sign-in request is not valid: {E(context.Response.ErrorDescription ?? context.Error)}</p>";
        response.StatusCode = StatusCodes.Status400BadRequest;
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>登录请求无效 / Invalid sign-in request</title></head>
            <body><h1>登录请求无效 / Invalid sign-in request</h1>
            {advice}
            <p><small>{E(context.Error!)} · {E(context.Response.ErrorUri ?? "")}</small></p></body></html>
            """);
        context.HandleRequest();
    }
}
