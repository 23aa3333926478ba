using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using ServiceManufacturing.ServiceDefaults.Audit;

namespace ServiceManufacturing.Services.Identity.Connect;

/// <summary>
/// OpenIddict's applications, authorizations and tokens (what refresh-token rotation and revocation need), kept by
/// its Entity Framework Core stores in a schema of the identity database. Accounts themselves are event streams.
/// </summary>
public sealed class TokenStore(DbContextOptions<TokenStore> options, IOptions<IdentityProviderOptions> identity) : DbContext(options)
{
    public string Schema { get; } = identity.Value.TokenStoreSchema;

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.HasDefaultSchema(Schema);
        base.OnModelCreating(model);
    }
}

/// <summary>EF Core caches a model per context type; the schema is part of the model, so it is part of the key.</summary>
sealed class SchemaModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), (context as TokenStore)?.Schema, designTime);
}

/// <summary>
/// Creates the token store's tables on first start (there are no migrations to run), as the database's owner, and lets
/// the service's own role (<see cref="ServiceRole"/>, which the token store works as) read and write them.
/// </summary>
sealed class TokenStoreCreator(IConfiguration configuration, IOptions<IdentityProviderOptions> identity) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var owner = configuration.GetConnectionString("identitydb")!;
        await using var store = new TokenStore(new DbContextOptionsBuilder<TokenStore>().UseNpgsql(owner).UseOpenIddict()
            .ReplaceService<IModelCacheKeyFactory, SchemaModelCacheKeyFactory>().Options, identity);
        var connection = (NpgsqlConnection)store.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        // Two instances starting together: one creates, the other waits and then finds the tables.
        await using var locked = new NpgsqlCommand("select pg_advisory_lock(hashtext($1))", connection)
        {
            Parameters = { new() { Value = $"token-store:{identity.Value.TokenStoreSchema}" } },
            CommandTimeout = 0, // as long as the other replica creates them; its lock goes with its connection
        };
        await locked.ExecuteNonQueryAsync(ct);
        try
        {
            await using var exists = new NpgsqlCommand(
                "select 1 from information_schema.tables where table_schema = $1 and table_name = 'OpenIddictApplications'", connection)
            {
                Parameters = { new() { Value = identity.Value.TokenStoreSchema } },
            };
            if (await exists.ExecuteScalarAsync(ct) is null) await store.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(ct);
            var schema = $"\"{identity.Value.TokenStoreSchema}\"";
            var role = ServiceRole.NameFor(owner);
            await using var grant = new NpgsqlCommand($"""
                grant usage on schema {schema} to {role};
                grant select, insert, update, delete on all tables in schema {schema} to {role};
                grant usage, select, update on all sequences in schema {schema} to {role};
                """, connection);
            await grant.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            // A pooled connection keeps a session lock after it is closed: release it, or the other instance waits for ever.
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock(hashtext($1))", connection)
            {
                Parameters = { new() { Value = $"token-store:{identity.Value.TokenStoreSchema}" } },
            };
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
