using Microsoft.AspNetCore.Http;

namespace ServiceManufacturing.ServiceDefaults.Http;

/// <summary>Problem responses an endpoint returns itself, shaped like those the exception handler writes.</summary>
public static class Problems
{
    /// <summary>400 naming each invalid field, with its message in Chinese and English.</summary>
    public static IResult Validation(IDictionary<string, string[]> errors)
    {
        var problem = ProblemExceptionHandler.FromRule(PlatformRules.Validation, null);
        problem.Extensions["errors"] = errors;
        return TypedResults.Problem(problem);
    }

    /// <summary>The problem response of <paramref name="rule"/>.</summary>
    public static IResult Of(Rule rule, string? detail = null) =>
        rule.RetryAfterSeconds is { } seconds
            ? new RetryAfter(TypedResults.Problem(ProblemExceptionHandler.FromRule(rule, detail)), seconds)
            : TypedResults.Problem(ProblemExceptionHandler.FromRule(rule, detail));

    /// <summary>A "not yet" answer: the caller may try again after <paramref name="seconds"/>.</summary>
    sealed class RetryAfter(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(context);
        }
    }
}
