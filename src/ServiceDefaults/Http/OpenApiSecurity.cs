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
    const string MachineScheme = "oidc-client-credentials";

    public static OpenApiOptions AddSecurity(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "统一身份认证：授权码 + PKCE（网关 /connect/*） / Sign in through the gateway's OpenID Connect provider.",
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
            // Machine clients have a scheme of their own: in "oidc" the serializer would write clientCredentials before
            // authorizationCode, and the reference's sign-in box would open on the wrong tab.
            document.Components.SecuritySchemes[MachineScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "服务间调用：客户端凭据（网关 /connect/token） / Machine clients: client credentials at the gateway's token endpoint.",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri("/connect/token", UriKind.Relative),
                        Scopes = new Dictionary<string, string> { ["api"] = "The platform's API" },
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
