using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ServiceManufacturing.Services.Identity.Connect;

/// <summary>
/// OpenIddict's applications, authorizations and tokens (what refresh-token rotation and revocation need), kept by
/// its Entity Framework Core stores in a schema of the identity database. Accounts themselves are event streams.
/// </summary>
public sealed class TokenStore(DbContextOptions<TokenStore> options, IOptions<IdentityProviderOptions> identity) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        model.HasDefaultSchema(identity.Value.TokenStoreSchema);
        base.OnModelCreating(model);
    }
}

/// <summary>Creates the token store's tables on first start (there are no migrations to run).</summary>
sealed class TokenStoreCreator(IServiceScopeFactory scopes, IOptions<IdentityProviderOptions> identity) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<TokenStore>();
        var connection = (NpgsqlConnection)store.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand(
            "select 1 from information_schema.tables where table_schema = $1 and table_name = 'OpenIddictApplications'", connection)
        {
            Parameters = { new() { Value = identity.Value.TokenStoreSchema } },
        };
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        await store.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
