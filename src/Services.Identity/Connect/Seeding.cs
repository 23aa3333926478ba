using Marten;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.Services.Identity.Organisations;
using OpenIddict.Abstractions;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Identity.Accounts;
using ServiceManufacturing.Services.Identity.Experts;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ServiceManufacturing.Services.Identity.Connect;

/// <summary>
/// At start: the configured OAuth clients, the first ministry account, and in development one account of each role.
/// Each is created only when missing, so restarts change nothing.
/// </summary>
sealed class Seeding(IServiceScopeFactory scopes, IOptions<IdentityProviderOptions> options, ILogger<Seeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        // Replicas starting together seed one after the other: the second finds everything there.
        var store = scope.ServiceProvider.GetRequiredService<TokenStore>();
        // Not pooled: a pooled connection would keep the session lock after it is closed, and the other would wait for ever.
        await using var connection = new Npgsql.NpgsqlConnection(
            new Npgsql.NpgsqlConnectionStringBuilder(store.Database.GetConnectionString()) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var locked = new Npgsql.NpgsqlCommand("select pg_advisory_lock(hashtext($1))", connection)
        {
            Parameters = { new() { Value = $"identity-seeding:{store.Schema}" } },
            CommandTimeout = 0, // as long as the other replica seeds (slow on a loaded machine); its lock goes with its connection
        };
        await locked.ExecuteNonQueryAsync(ct); // released when the connection closes
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var (clientId, client) in options.Value.Clients)
            await SeedClientAsync(applications, clientId, client, ct);

        var accounts = scope.ServiceProvider.GetRequiredService<AccountOperations>();
        if (options.Value.Administrator.Password is { Length: > 0 } password)
            await SeedAccountAsync(accounts, new(options.Value.Administrator.UserName, password, "产业政策与法规司 管理员",
                PlatformRoles.MinistryOfficer), ct);
        if (options.Value.DevelopmentUsersPassword is { Length: > 0 } devPassword)
        {
            foreach (var user in DevelopmentUsers(devPassword))
                await SeedAccountAsync(accounts, user, ct);
            await SeedVerifiedMemberAsync(scope.ServiceProvider, accounts, "applicant.shenzhen", ct);
            await DevelopmentExperts.SeedAsync(accounts, scope.ServiceProvider.GetRequiredService<IDocumentSession>(), devPassword,
                scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), logger, ct);
        }
    }

    /// <summary>
    /// The development applicant comes already verified: its organisation's stream holds its binding, approved, as if
    /// its authority had checked it (by "seed", with no scan); Registration hears of it like of any other.
    /// </summary>
    async Task SeedVerifiedMemberAsync(IServiceProvider services, AccountOperations accounts, string userName, CancellationToken ct)
    {
        if (await accounts.FindAsync(userName, ct) is not { CreditCode: { } creditCode } account) return;
        var session = services.GetRequiredService<IDocumentSession>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var id = Organisation.IdFor(creditCode);
        var state = await session.Events.AggregateStreamAsync<Organisation>(id, token: ct);
        if (state?.IsMember(account.Id) == true) return;
        var bindingId = state?.Bindings.FirstOrDefault(b => b.AccountId == account.Id && b.Status == BindingStatus.Pending)?.BindingId;
        if (bindingId is null)
        {
            var request = new RequestBinding(creditCode, Guid.CreateVersion7(), account.Id, "开发用户", account.DisplayName,
                Authorities.ForRegistrationDivision(creditCode).FirstOrDefault()?.Code, null, "seed");
            await session.DecideAsync<Organisation>(id, null, s => OrganisationDecider.Decide(request, s, now), ct);
            bindingId = request.BindingId;
        }
        await session.DecideAsync<Organisation>(id, null,
            s => OrganisationDecider.Decide(new ApproveBinding(creditCode, bindingId.Value, "seed"), s, now), ct);
        logger.LogInformation("Seeded {UserName} as a verified member of {CreditCode}", userName, creditCode);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>One account of each role, for development (the README says how to sign in as each).</summary>
    public static IEnumerable<RegisterAccountRequest> DevelopmentUsers(string password) =>
    [
        new("officer.hebei", password, "河北省工业和信息化厅", PlatformRoles.AuthorityOfficer, AuthorityCode: "130000"),
        new("officer.shenzhen", password, "深圳市工业和信息化局", PlatformRoles.AuthorityOfficer, AuthorityCode: "440300"),
        new("city.ningbo", password, "宁波市经济和信息化局", PlatformRoles.CityAuthority, AuthorityCode: "330200", City: "宁波市"),
        new("expert.zhang", password, "张评审", PlatformRoles.Expert),
        new("auditor.li", password, "李审计", PlatformRoles.Auditor),
        new("applicant.shenzhen", password, "深圳某某智能制造有限公司", PlatformRoles.Applicant, CreditCode: "914403001922038216"),
    ];

    async Task SeedAccountAsync(AccountOperations accounts, RegisterAccountRequest account, CancellationToken ct)
    {
        if (await accounts.FindAsync(account.UserName!, ct) is not null) return;
        await accounts.RegisterAsync(account, account.Role!, registeredBy: "seed", ct);
        logger.LogInformation("Seeded the {Role} account {UserName}", account.Role, account.UserName);
    }

    static async Task SeedClientAsync(IOpenIddictApplicationManager applications, string clientId, ClientOptions client, CancellationToken ct)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            DisplayName = client.DisplayName,
            ClientType = client.Secret is null ? ClientTypes.Public : ClientTypes.Confidential,
            ClientSecret = client.Secret,
        };
        if (client.Secret is null)
        {
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession, Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code, Permissions.Scopes.Profile, Permissions.Prefixes.Scope + PlatformClaims.ApiScope]);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            descriptor.RedirectUris.UnionWith(client.RedirectUris.Select(u => new Uri(u)));
            descriptor.PostLogoutRedirectUris.UnionWith(client.PostLogoutRedirectUris.Select(u => new Uri(u)));
        }
        else
        {
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials,
                Permissions.Prefixes.Scope + PlatformClaims.ApiScope]);
        }
        if (await applications.FindByClientIdAsync(clientId, ct) is { } existing)
            await applications.UpdateAsync(existing, descriptor, ct);
        else
            await applications.CreateAsync(descriptor, ct);
    }
}
