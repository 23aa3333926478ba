using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ServiceManufacturing.ServiceDefaults.Http;

/// <summary>
/// Tells a front-end team how to call: the bearer token of the platform's OpenID Connect provider (authorization
/// code with PKCE at the gateway), required by every operation that is not anonymous, which may then answer 401 or 403.
/// </summary>
static class OpenApiSecurity
{
    const string Scheme = "oidc";

    public static OpenApiOptions AddSecurity(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                // Only the authorization-code flow: with clientCredentials beside it the serializer writes that one first, and
                // the reference's sign-in box opens on the wrong tab. Machine clients are told in the description.
                Description = "统一身份认证：授权码 + PKCE（网关 /connect/*）；服务间调用使用客户端凭据（/connect/token） / Sign in through the " +
                    "gateway's OpenID Connect provider (authorization code with PKCE); machine clients use client credentials at /connect/token.",
                Flows = new OpenApiOAuthFlows
                {
                    AuthorizationCode = new OpenApiOAuthFlow
                    {
                        AuthorizationUrl = new Uri("/connect/authorize", UriKind.Relative),
                        TokenUrl = new Uri("/connect/token", UriKind.Relative),
                        RefreshUrl = new Uri("/connect/token", UriKind.Relative),
                        Scopes = new Dictionary<string, string> { ["api"] = "The platform's API", ["openid"] = "Sign-in", ["offline_access"] = "Refresh tokens" },
                    },
                },
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = [new OpenApiSecurityRequirement()]; // explicitly open: no token needed
                return Task.CompletedTask;
            }
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = ["api"] }];
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "请先登录：缺少有效的访问令牌 / Sign in first: no valid access token (sign-in-required)." });
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "当前角色无权执行此操作 / The signed-in role may not do this (forbidden)." });
            return Task.CompletedTask;
        });
        return options;
    }
}
