using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ServiceManufacturing.ServiceDefaults.Http;

/// <summary>
/// Writes the problem when the framework's own writer declines because the client asked for something else
/// (<c>Accept: text/html</c>, <c>application/xml</c>): an error is always RFC 9457 JSON, never a bare text line.
/// </summary>
sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> problems, IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        context.ProblemDetails.Status ??= context.HttpContext.Response.StatusCode;
        problems.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync<object>(context.ProblemDetails,
            json.Value.SerializerOptions, "application/problem+json", context.HttpContext.RequestAborted));
    }
}
