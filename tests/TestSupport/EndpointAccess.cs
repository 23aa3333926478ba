using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceManufacturing.ServiceDefaults.Identity;
using Xunit;

namespace ServiceManufacturing.Tests.TestSupport;

/// <summary>
/// Checks a service's endpoints against its access table. Every endpoint of the running app must be in the table
/// (a new endpoint fails the test until someone decides who may call it); each is called without a token and as
/// each role: an anonymous call gets 401 unless the table says <see cref="Anonymous"/>, a role not in the table 403,
/// a role in it anything but 401 or 403.
/// </summary>
public static partial class EndpointAccess
{
    /// <summary>Open to everyone, signed in or not.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>Open to every signed-in user, whatever the role.</summary>
    public const string SignedIn = "signed-in";

    public static Task VerifyAsync<TProgram>(ServiceFactory<TProgram> app, IReadOnlyDictionary<string, string[]> table)
        where TProgram : class =>
        VerifyAsync(app.Services, app.RawClient, table);

    /// <summary>
    /// The same for any app: its <paramref name="services"/>, a client as each user (<c>null</c>: no token), the endpoints
    /// it decides about (<paramref name="include"/>; all by default), and values for route parameters that take a closed set
    /// (<paramref name="routeValues"/>, by parameter name; otherwise a new guid or <c>v1</c>).
    /// </summary>
    public static async Task VerifyAsync(IServiceProvider services, Func<CurrentUser?, HttpClient> clientAs,
        IReadOnlyDictionary<string, string[]> table, Func<RouteEndpoint, bool>? include = null,
        IReadOnlyDictionary<string, string>? routeValues = null)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Where(include ?? (_ => true))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => $"{method} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Distinct().Order().ToList();

        Assert.Empty(endpoints.Except(table.Keys));   // an endpoint nobody decided about
        Assert.Empty(table.Keys.Except(endpoints));   // a table entry for an endpoint that is gone

        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var allowed = table[endpoint];
            var (anonymous, _) = await CallAsync(clientAs(null), endpoint, routeValues);
            if (!allowed.Contains(Anonymous) && anonymous != HttpStatusCode.Unauthorized)
                failures.Add($"{endpoint} without a token: {anonymous}, expected 401");
            foreach (var user in TestUsers.OneOfEachRole)
            {
                var (status, body) = await CallAsync(clientAs(user), endpoint, routeValues);
                var mayCall = allowed.Contains(Anonymous) || allowed.Contains(SignedIn) || allowed.Contains(user.Role);
                if (mayCall && status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    failures.Add($"{endpoint} as {user.Role}: {status}, expected to be let in: {body}");
                if (!mayCall && status != HttpStatusCode.Forbidden)
                    failures.Add($"{endpoint} as {user.Role}: {status}, expected 403: {body}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    static async Task<(HttpStatusCode, string)> CallAsync(HttpClient client, string endpoint, IReadOnlyDictionary<string, string>? routeValues)
    {
        var (method, pattern) = (endpoint[..endpoint.IndexOf(' ')], endpoint[(endpoint.IndexOf(' ') + 1)..]);
        var path = RouteParameter().Replace(pattern, m =>
            routeValues?.GetValueOrDefault(m.Groups[1].Value.Split(':', '?')[0]) is { } value ? value
            : m.Groups[1].Value.Contains("guid") ? Guid.CreateVersion7().ToString() : "v1");
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length > 300 ? body[..300] : body);
    }

    [GeneratedRegex(@"\{\*{0,2}([^}]*)\}")]
    private static partial Regex RouteParameter();
}
