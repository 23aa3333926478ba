using Microsoft.Extensions.Configuration;
using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Npgsql;

/// <summary>The servers the services need, and each service's database on them.</summary>
sealed record Infrastructure(
    IResourceBuilder<IResourceWithConnectionString> RegistrationDb,
    IResourceBuilder<IResourceWithConnectionString> ReviewDb,
    IResourceBuilder<IResourceWithConnectionString> EvaluationDb,
    IResourceBuilder<IResourceWithConnectionString> IdentityDb,
    IResourceBuilder<IResourceWithConnectionString> Messaging,
    IReadOnlyList<IResourceBuilder<IResource>> Servers);

static class InfrastructureExtensions
{
    /// <summary>
    /// Existing servers when ConnectionStrings:postgres and ConnectionStrings:messaging are given; else containers
    /// where a container runtime answers (or Infrastructure:Mode is "container"); else PostgreSQL and RabbitMQ
    /// from Debian's packages, run as local executables with their data under Infrastructure:DataDirectory.
    /// </summary>
    public static Infrastructure AddInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var config = builder.Configuration;
        if (config.GetConnectionString("postgres") is { Length: > 0 } postgres
            && config.GetConnectionString("messaging") is { Length: > 0 } messaging)
            return builder.AddExistingServers(postgres, messaging);
        var mode = config["Infrastructure:Mode"] ?? "auto";
        return mode == "container" || (mode == "auto" && ContainerRuntimeAnswers())
            ? builder.AddContainers()
            : builder.AddLocalServers();
    }

    /// <summary>The service gets its database and the broker, and starts once both servers are healthy.</summary>
    public static IResourceBuilder<ProjectResource> WithInfrastructure(this IResourceBuilder<ProjectResource> project,
        Infrastructure infrastructure, IResourceBuilder<IResourceWithConnectionString> database)
    {
        project.WithReference(database).WithReference(infrastructure.Messaging);
        foreach (var server in infrastructure.Servers) project.WaitFor(server);
        return project;
    }

    static Infrastructure AddContainers(this IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres").WithDataVolume().WithLifetime(ContainerLifetime.Persistent);
        var rabbitmq = builder.AddRabbitMQ("messaging").WithDataVolume().WithLifetime(ContainerLifetime.Persistent);
        return new(postgres.AddDatabase("registrationdb", "registration"), postgres.AddDatabase("reviewdb", "review"),
            postgres.AddDatabase("evaluationdb", "evaluation"), postgres.AddDatabase("identitydb", "identity"), rabbitmq,
            [postgres, rabbitmq]);
    }

    static Infrastructure AddExistingServers(this IDistributedApplicationBuilder builder, string postgres, string messaging)
    {
        IResourceBuilder<IResourceWithConnectionString> Database(string name, string database) =>
            builder.AddConnectionString(name, ReferenceExpression.Create(
                $"{new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString}"));
        return new(Database("registrationdb", "registration"), Database("reviewdb", "review"),
            Database("evaluationdb", "evaluation"), Database("identitydb", "identity"),
            builder.AddConnectionString("messaging", ReferenceExpression.Create($"{messaging}")), []);
    }

    static bool ContainerRuntimeAnswers()
    {
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (docker is null) return false;
            if (!docker.WaitForExit(TimeSpan.FromSeconds(10))) { docker.Kill(); return false; }
            return docker.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no docker client at all
        }
    }
}
