using System.Diagnostics;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace ServiceManufacturing.Tests.TestSupport;

/// <summary>
/// The real PostgreSQL and RabbitMQ the integration tests run against: the servers the test command started
/// (SM_TEST_POSTGRES, SM_TEST_RABBITMQ), else containers where a Docker engine answers. Never fakes.
/// </summary>
public static class TestServers
{
    static readonly Lazy<Task<(string Postgres, string RabbitMq)>> Servers = new(StartAsync);

    /// <summary>A superuser connection string (without a database) and an amqp:// URI.</summary>
    public static Task<(string Postgres, string RabbitMq)> GetAsync() => Servers.Value;

    static async Task<(string, string)> StartAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("SM_TEST_POSTGRES");
        var rabbitmq = Environment.GetEnvironmentVariable("SM_TEST_RABBITMQ");
        if (!string.IsNullOrEmpty(postgres) && !string.IsNullOrEmpty(rabbitmq)) return (postgres, rabbitmq);
        if (!DockerAnswers())
            throw new InvalidOperationException(
                "No test servers: run the tests through eng/test.sh (it starts PostgreSQL and RabbitMQ), " +
                "or set SM_TEST_POSTGRES and SM_TEST_RABBITMQ, or run a Docker engine.");
        var pg = new PostgreSqlBuilder("postgres:15").Build();
        var rabbit = new RabbitMqBuilder("rabbitmq:3.13").Build();
        await Task.WhenAll(pg.StartAsync(), rabbit.StartAsync());
        return (pg.GetConnectionString(), rabbit.GetConnectionString());
    }

    static bool DockerAnswers()
    {
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", "info") { RedirectStandardOutput = true, RedirectStandardError = true });
            return docker is not null && docker.WaitForExit(10_000) && docker.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
