using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace ServiceManufacturing.ServiceDefaults.Audit;

/// <summary>
/// The database role a service works as: it reads and appends events but may not UPDATE or DELETE them, nor write the
/// hash chain. The configured connection (the owner) only migrates: it creates this role, the schema and the grants at
/// start (<see cref="EventStoreMigration"/>). The role's password is derived from the owner's, so replicas agree on it
/// without a stored secret.
/// </summary>
public static class ServiceRole
{
    /// <summary>The role of the database in <paramref name="ownerConnectionString"/>: one per database, e.g. <c>sm_registration_service</c>.</summary>
    public static string NameFor(string ownerConnectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(ownerConnectionString).Database ?? "postgres";
        var safe = new string(database.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        return $"sm_{safe}_service";
    }

    /// <summary>The connection the service's event store uses: the owner's, signed in as the service role.</summary>
    public static string ConnectionStringFor(string ownerConnectionString)
    {
        var owner = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        var name = NameFor(ownerConnectionString);
        return new NpgsqlConnectionStringBuilder(ownerConnectionString) { Username = name, Password = PasswordFor(owner.Password, name) }
            .ConnectionString;
    }

    internal static string PasswordFor(string? ownerPassword, string role) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ownerPassword ?? ""), Encoding.UTF8.GetBytes("service-role:" + role)));

    /// <summary>Creates the role (or resets its password) and grants it the schema, read and append only on the events.</summary>
    internal static async Task GrantAsync(NpgsqlConnection owner, string ownerConnectionString, string schema, CancellationToken ct)
    {
        var role = NameFor(ownerConnectionString);
        var password = PasswordFor(new NpgsqlConnectionStringBuilder(ownerConnectionString).Password, role).Replace("'", "''");
        var quotedSchema = $"\"{schema}\"";
        await ExecuteAsync(owner, $"""
            begin;
            select pg_advisory_xact_lock(hashtext('service-role:{role}'));
            do $role$ begin
                if not exists (select 1 from pg_roles where rolname = '{role}') then
                    create role {role} login password '{password}';
                else
                    alter role {role} login password '{password}';
                end if;
            end $role$;
            commit;
            """, ct);
        await ExecuteAsync(owner, $"""
            -- No CREATE: a function or operator of its own in the schema could run with the owner's rights in owner code
            -- whose search path includes the schema. Marten at run time creates nothing: the owner migrated it all.
            revoke create on schema {quotedSchema} from {role};
            grant usage on schema {quotedSchema} to {role};
            grant select, insert, update, delete, truncate, references on all tables in schema {quotedSchema} to {role};
            grant usage, select, update on all sequences in schema {quotedSchema} to {role};
            grant execute on all functions in schema {quotedSchema} to {role};
            alter default privileges in schema {quotedSchema} grant select, insert, update, delete, truncate, references on tables to {role};
            alter default privileges in schema {quotedSchema} grant usage, select, update on sequences to {role};
            revoke update, delete, truncate on {quotedSchema}.mt_events from {role};
            revoke insert, update, delete, truncate on {quotedSchema}.{EventChain.Table} from {role};
            revoke insert, update, delete, truncate on {quotedSchema}.{MaskingLog.Table} from {role};
            revoke update, delete, truncate on {quotedSchema}.{ChainAnchor.Table} from {role};
            """, ct);
    }

    static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
