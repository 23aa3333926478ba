using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ServiceManufacturing.Services.Identity.Connect;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Identity;

public class AuditNotesTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public void EveryEventTypeTheStoreKnowsHasItsNoteInTheHistory() => app.AssertEveryEventTypeIsDescribed();

    [Fact]
    public Task MartensSessionsWorkAsTheServicesOwnRole() => app.AssertTheStoreWorksAsTheServicesRoleAsync();

    [Fact]
    public async Task TheTokenStoreWorksAsTheServicesOwnRoleWhichMayNotChangeAnEvent()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<TokenStore>();
        var user = new NpgsqlConnectionStringBuilder(tokens.Database.GetConnectionString()).Username;
        Assert.Matches("^sm_.*_service$", user);
        Assert.True(await tokens.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>().AnyAsync(),
            "the role reads the seeded clients");

        await using var connection = await app.ServiceRoleAsync();
        await using var update = new NpgsqlCommand("update mt_events set data = data", connection);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync())).SqlState);
    }
}
