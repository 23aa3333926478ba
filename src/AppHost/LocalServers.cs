using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

/// <summary>
/// PostgreSQL 15 and RabbitMQ from Debian's packages, run by the AppHost as executables (through eng/*.sh), for a
/// machine without a container runtime. Their data survives restarts in Infrastructure:DataDirectory (default
/// .data/ in the repository, git-ignored); their logs show on the dashboard.
/// </summary>
static class LocalServers
{
    public static Infrastructure AddLocalServers(this IDistributedApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var root = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
        var data = Path.GetFullPath(config["Infrastructure:DataDirectory"] ?? Path.Combine(root, ".data"));
        var postgresPort = config.GetValue("Infrastructure:PostgresPort", 25432);
        var amqpPort = config.GetValue("Infrastructure:RabbitMqPort", 25682);
        var node = config["Infrastructure:RabbitMqNode"] ?? "servicemanufacturing@localhost";
        var password = builder.AddParameter("postgres-password", secret: true);

        var postgres = builder.AddExecutable("postgres", "bash", root,
                "eng/postgres-server.sh", Path.Combine(data, "postgres"), Invariant(postgresPort))
            .WithEnvironment("POSTGRES_PASSWORD", password)
            .WithHealthCheck("postgres-ready");
        builder.Services.AddHealthChecks().AddAsyncCheck("postgres-ready", async ct =>
        {
            var connection = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1", Port = postgresPort, Username = "postgres", Database = "postgres", Pooling = false,
                Password = await password.Resource.GetValueAsync(ct),
            };
            return await Answers(async () =>
            {
                await using var c = new NpgsqlConnection(connection.ConnectionString);
                await c.OpenAsync(ct);
            });
        });

        var rabbitmq = builder.AddExecutable("rabbitmq", "bash", root, "eng/rabbitmq-server.sh",
                Path.Combine(data, "rabbitmq"), Invariant(amqpPort), node, Invariant(amqpPort + 1))
            .WithHealthCheck("rabbitmq-ready");
        builder.Services.AddHealthChecks().AddAsyncCheck("rabbitmq-ready", ct => Answers(() => AmqpAnswers(amqpPort, ct)));

        IResourceBuilder<IResourceWithConnectionString> Database(string name, string database) =>
            builder.AddConnectionString(name, ReferenceExpression.Create(
                    $"Host=127.0.0.1;Port={Invariant(postgresPort)};Database={database};Username=postgres;Password={password.Resource}"))
                .WithParentRelationship(postgres);
        var messaging = builder.AddConnectionString("messaging",
                ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{Invariant(amqpPort)}/"))
            .WithParentRelationship(rabbitmq);

        return new(Database("registrationdb", "registration"), Database("reviewdb", "review"),
            Database("evaluationdb", "evaluation"), Database("identitydb", "identity"), messaging, [postgres, rabbitmq]);
    }

    /// <summary>RabbitMQ answers the AMQP 0-9-1 protocol header with a Connection.Start frame.</summary>
    static async Task AmqpAnswers(int port, CancellationToken ct)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, ct);
        var stream = client.GetStream();
        await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), ct);
        var frame = new byte[1];
        if (await stream.ReadAsync(frame, ct) != 1 || frame[0] != 1)
            throw new InvalidOperationException("RabbitMQ did not start an AMQP connection.");
    }

    static async Task<HealthCheckResult> Answers(Func<Task> probe)
    {
        try
        {
            await probe();
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }

    static string Invariant(int number) => number.ToString(CultureInfo.InvariantCulture);
}
