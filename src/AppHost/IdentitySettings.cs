using System.Security.Cryptography;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

/// <summary>
/// The token signing key and the identity provider's other secrets, as Aspire parameters. Where the signing key is
/// not configured (Parameters:identity-signing-key), a development key is made once and kept in the data folder,
/// so tokens stay valid across restarts. The services get only its public half.
/// </summary>
sealed record IdentitySettings(
    IResourceBuilder<ParameterResource> SigningKey,
    string SigningPublicKey,
    IResourceBuilder<ParameterResource> AdministratorPassword,
    IResourceBuilder<ParameterResource> ReportingClientSecret,
    IResourceBuilder<ParameterResource>? DevelopmentUsersPassword)
{
    public static IdentitySettings Add(IDistributedApplicationBuilder builder)
    {
        var pem = builder.Configuration["Parameters:identity-signing-key"] ?? DevelopmentSigningKey(builder);
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new(
            builder.AddParameter("identity-signing-key", pem, secret: true),
            rsa.ExportSubjectPublicKeyInfoPem(),
            builder.AddParameter("ministry-admin-password", secret: true),
            builder.AddParameter("reporting-client-secret", secret: true),
            builder.Environment.IsDevelopment() ? builder.AddParameter("development-users-password", secret: true) : null);
    }

    static string DevelopmentSigningKey(IDistributedApplicationBuilder builder)
    {
        var data = builder.Configuration["Infrastructure:DataDirectory"]
            ?? Path.Combine(builder.AppHostDirectory, "..", "..", ".data");
        var file = Path.Combine(Path.GetFullPath(data), "identity-signing-key.pem");
        if (File.Exists(file)) return File.ReadAllText(file);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        File.WriteAllText(file, pem);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return pem;
    }
}
