using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceManufacturing.ServiceDefaults.Identity;

/// <summary>A signed-in user refused by an endpoint's role policy is on record before the 403 goes out.</summary>
sealed class DeniedAccessRecorder(TimeProvider clock) : IAuthorizationMiddlewareResultHandler
{
    readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            var session = context.RequestServices.GetRequiredService<IDocumentSession>();
            await AccessLog.DeniedAsync(session, CurrentUser.From(context.User), context, "role", clock);
        }
        await standard.HandleAsync(next, context, policy, result);
    }
}
