using System.Text.Json;
using JasperFx;
using JasperFx.Events;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace ServiceManufacturing.ServiceDefaults.Http;

/// <summary>Maps what a request can go wrong with to the 4xx that says so; anything else is a 500 without internals.</summary>
sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = ToProblem(context, exception);
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "Database unavailable on {Method} {Path}", context.Request.Method, context.Request.Path);
            ForgetBrokenConnections(context.RequestServices);
        }
        else if (problem.Status >= 500)
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        context.Response.StatusCode = problem.Status!.Value;
        var retryAfter = exception is RuleViolation v ? v.Rule.RetryAfterSeconds
            : problem.Status == StatusCodes.Status503ServiceUnavailable ? PlatformRules.DatabaseUnavailable.RetryAfterSeconds : null;
        if (retryAfter is { } seconds)
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    static ProblemDetails ToProblem(HttpContext context, Exception exception) => exception switch
    {
        RuleViolation v => WithErrors(FromRule(v.Rule, v.Detail), v.Errors),
        BadHttpRequestException { InnerException: JsonException json } => InvalidJson(json),
        BadHttpRequestException bad when BoundParameter(bad.Message) is { } parameter => InvalidParameter(parameter),
        BadHttpRequestException bad => FromRule(BadRequestRule(bad.StatusCode), null),
        // A multipart body whose boundaries or sections do not parse.
        InvalidDataException => FromRule(PlatformRules.BadRequest, null),
        _ when EventStore.StreamWriter.IsConcurrent(exception) => FromRule(
            context.Request.Headers.IfMatch.Count > 0 ? PlatformRules.StaleVersion : PlatformRules.ConcurrentChange, null),
        DocumentAlreadyExistsException => FromRule(PlatformRules.Duplicate, null),
        _ when IsUniqueViolation(exception) => FromRule(PlatformRules.Duplicate, null),
        _ when IsDatabaseUnavailable(exception) => FromRule(PlatformRules.DatabaseUnavailable, null),
        _ => FromRule(PlatformRules.Unexpected, null),
    };

    internal static ProblemDetails FromRule(Rule rule, string? detail) => new()
    {
        Status = rule.Status,
        Type = TypeOf(rule),
        Title = rule.En,
        Detail = detail,
        Extensions = { ["code"] = rule.Code, ["titleZh"] = rule.Zh },
    };

    static ProblemDetails WithErrors(ProblemDetails problem, IReadOnlyDictionary<string, string[]>? errors)
    {
        if (errors is { Count: > 0 }) problem.Extensions["errors"] = errors;
        return problem;
    }

    /// <summary>A unique index refused a concurrent duplicate (e.g. a second claim on a one-only place).</summary>
    static bool IsUniqueViolation(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
            if (exception is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }) return true;
        return false;
    }

    /// <summary>
    /// The database could not be reached or went away under the request (restart, shutdown, failover): a connection
    /// that failed or broke, a server shutting down (SQLSTATE class 08, 57P01-57P03), or a pool that timed out waiting.
    /// Marten and Npgsql wrap it, so the whole chain is searched.
    /// </summary>
    internal static bool IsDatabaseUnavailable(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
            switch (exception)
            {
                case Npgsql.PostgresException { SqlState: var state } when state.StartsWith("08", StringComparison.Ordinal)
                    || state is Npgsql.PostgresErrorCodes.AdminShutdown or Npgsql.PostgresErrorCodes.CrashShutdown
                        or Npgsql.PostgresErrorCodes.CannotConnectNow:
                    return true;
                case Npgsql.PostgresException:
                    return false;
                case Npgsql.NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException }:
                case Npgsql.NpgsqlException { IsTransient: true }:
                case System.Net.Sockets.SocketException:
                    return true;
            }
        return false;
    }

    /// <summary>
    /// After a database restart the pools still hold connections to the server that went away, and each would fail one
    /// more request: they are dropped at the first failure (in use ones when they come back), so the next requests open
    /// fresh connections and the service recovers by itself.
    /// </summary>
    static void ForgetBrokenConnections(IServiceProvider services)
    {
        if (services.GetService(typeof(Marten.IDocumentStore)) is Marten.IDocumentStore { Storage.Database: Weasel.Postgresql.PostgresqlDatabase database })
            database.DataSource.Clear();
        (services.GetService(typeof(Documents.ScanArchive)) as Documents.ScanArchive)?.ForgetBrokenConnections();
        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    internal static string TypeOf(Rule rule) => $"https://servicemanufacturing.miit.gov.cn/problems/{rule.Code}";

    static ProblemDetails InvalidJson(JsonException json)
    {
        var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
        var problem = FromRule(PlatformRules.InvalidJson, null);
        problem.Extensions["errors"] = new Dictionary<string, string[]>
        {
            [field] = ["这个值无法读取：格式或取值无效。 / The value could not be read: malformed or not one of the allowed values."],
        };
        return problem;
    }

    /// <summary>The parameter a minimal API could not bind, from its message (<c>Failed to bind parameter "int page" from "x".</c>).</summary>
    static string? BoundParameter(string message) =>
        System.Text.RegularExpressions.Regex.Match(message, "^Failed to bind parameter \"(?:[^\" ]+ )?([A-Za-z0-9_]+)\"")
            is { Success: true } match ? match.Groups[1].Value : null;

    static ProblemDetails InvalidParameter(string parameter)
    {
        var problem = FromRule(PlatformRules.Validation, null);
        problem.Extensions["errors"] = new Dictionary<string, string[]>
        {
            [parameter] = ["这个值无法读取：格式无效或缺失。 / The value could not be read: malformed or missing."],
        };
        return problem;
    }

    static Rule BadRequestRule(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => PlatformRules.BodyTooLarge,
        StatusCodes.Status415UnsupportedMediaType => PlatformRules.UnsupportedMediaType,
        _ => PlatformRules.BadRequest,
    };
}
