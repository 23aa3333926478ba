using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ServiceManufacturing.ServiceDefaults.Audit;
using Xunit;

namespace ServiceManufacturing.Tests.TestSupport;

/// <summary>Looks at a service's audit trail from outside: as the superuser, as the service's own role, and its notes.</summary>
public static class AuditProbe
{
    /// <summary>A superuser connection to the service's database (the tests' servers run as postgres).</summary>
    public static async Task<NpgsqlConnection> SuperuserAsync<TProgram>(this ServiceFactory<TProgram> app) where TProgram : class =>
        await OpenAsync(app.Store.Options.Events.DatabaseSchemaName, await OwnerConnectionStringAsync(app));

    /// <summary>A connection as the service's own role, which the service's event store uses.</summary>
    public static async Task<NpgsqlConnection> ServiceRoleAsync<TProgram>(this ServiceFactory<TProgram> app) where TProgram : class =>
        await OpenAsync(app.Store.Options.Events.DatabaseSchemaName, ServiceRole.ConnectionStringFor(await OwnerConnectionStringAsync(app)));

    /// <summary>Fails unless the service's Marten sessions (reading and writing) sign in as its own role, not as the owner.</summary>
    public static async Task AssertTheStoreWorksAsTheServicesRoleAsync<TProgram>(this ServiceFactory<TProgram> app) where TProgram : class
    {
        var role = ServiceRole.NameFor(await OwnerConnectionStringAsync(app));
        await using (var query = app.Store.QuerySession())
            Assert.Equal(role, Assert.Single(await query.QueryAsync<string>("select current_user::text")));
        await using var session = app.Store.LightweightSession();
        Assert.Equal(role, Assert.Single(await session.QueryAsync<string>("select current_user::text")));
    }

    /// <summary>
    /// Starts a rebuild of <paramref name="projection"/> as <paramref name="ministry"/> (202 with its status in Location) and
    /// follows its status until it is no longer running; the status it finished with.
    /// </summary>
    public static async Task<ProjectionRebuildStatus> RebuildAsync(HttpClient ministry, string service, string projection, TimeSpan? within = null)
    {
        var started = await ministry.PostAsync($"/api/v1/audit/{service}/projections/{projection}/rebuilds", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location ?? throw new Xunit.Sdk.XunitException("The rebuild's 202 has no Location.");
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromMinutes(3));
        while (true)
        {
            var status = (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<ProjectionRebuildStatus>(ministry, location, ApiJson.Options, timeout.Token))!;
            if (status.State != ProjectionRebuildStatus.Running) return status;
            await Task.Delay(within is null ? 200 : 1000, timeout.Token);
        }
    }

    static async Task<string> OwnerConnectionStringAsync<TProgram>(ServiceFactory<TProgram> app) where TProgram : class
    {
        var (postgres, _) = await TestServers.GetAsync();
        var database = new NpgsqlConnectionStringBuilder(app.Store.Options.Tenancy.Default.Database.CreateConnection().ConnectionString).Database;
        return new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString;
    }

    static async Task<NpgsqlConnection> OpenAsync(string schema, string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, SearchPath = schema }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>
    /// Fails naming every event type of the service that has no note in the auditors' history: a new event type gets its
    /// summary (Chinese and English) and what it is about in its feature's <c>…History.cs</c>. The event types are those
    /// the store knows, and those the service's aggregates and projections take (Marten's Create/Apply conventions).
    /// </summary>
    public static void AssertEveryEventTypeIsDescribed<TProgram>(this ServiceFactory<TProgram> app) where TProgram : class
    {
        var history = app.Services.GetRequiredService<AuditTrail>().History;
        var known = ((Marten.Events.EventGraph)((StoreOptions)app.Store.Options).Events).AllKnownEventTypes().Select(e => e.EventType)
            .Concat(EventTypesTakenBy(typeof(TProgram).Assembly))
            .Where(t => t.Namespace?.StartsWith("ServiceManufacturing.", StringComparison.Ordinal) == true) // not Marten's own
            .Distinct().ToList();
        Assert.NotEmpty(known);
        var undescribed = known.Where(t => !history.Describes(t)).Select(t => t.FullName).Order().ToList();
        Assert.True(undescribed.Count == 0, "Event types without a note in the auditors' history: " + string.Join(", ", undescribed));
    }

    // Marten's conventions: a self-aggregating state's Create(TEvent) and Apply(TEvent) that return the state, and a
    // projection's Create/Apply(IEvent<TEvent>, …).
    static IEnumerable<Type> EventTypesTakenBy(System.Reflection.Assembly assembly) =>
        from type in assembly.GetTypes()
        from method in type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic
            | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
        where method.Name is "Apply" or "Create" && method.GetParameters().Length > 0
        let first = method.GetParameters()[0].ParameterType
        let wrapped = first.IsGenericType && first.GetGenericTypeDefinition() == typeof(JasperFx.Events.IEvent<>)
        where wrapped || (method.ReturnType == type && first != type && first.Assembly == assembly)
        select wrapped ? first.GetGenericArguments()[0] : first;
}
