using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceManufacturing.Tests.Gateway;

/// <summary>
/// A NUL in the request line (raw, or %00 in the path) is refused by Kestrel before any middleware; the gateway answers it
/// with a problem body like every other refusal (issue 8). Sent over a raw socket: HttpClient would not send such a line.
/// </summary>
public sealed class RequestLineTests : IDisposable
{
    readonly GatewayApp gateway = new();
    readonly Uri address;

    public RequestLineTests()
    {
        gateway.UseKestrel(0);
        gateway.StartServer();
        address = new Uri(gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    [Theory]
    [InlineData("GET /api/v1/applications/%00 HTTP/1.1")]
    [InlineData("GET /%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00 HTTP/1.1")]
    [InlineData("POST /connect/token%00 HTTP/1.1")]
    [InlineData("GET /api/v1/applications?status=draft%00 HTTP/1.1")]
    [InlineData("GET /api/v1/app\0lications HTTP/1.1")]
    public async Task ANulInTheRequestLineGetsAProblemBodyNotAnEmpty400(string requestLine)
    {
        var (status, headers, body) = await SendAsync(requestLine);

        Assert.Equal(400, status);
        Assert.Contains("Content-Type: application/problem+json", headers);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(("control-character", 400), (problem.GetProperty("code").GetString(), problem.GetProperty("status").GetInt32()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("titleZh").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task AnOrdinaryRequestLinePassesTheGuard()
    {
        var (status, _, _) = await SendAsync("GET /openapi/gateway.json HTTP/1.1");

        Assert.Equal(200, status);
    }

    async Task<(int Status, string Headers, string Body)> SendAsync(string requestLine)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes($"{requestLine}\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        using var response = new MemoryStream();
        await stream.CopyToAsync(response).WaitAsync(TimeSpan.FromSeconds(30));
        var text = Encoding.UTF8.GetString(response.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = text[..split];
        return (int.Parse(head.Split(' ')[1]), head, text[(split + 4)..]);
    }

    public void Dispose() => gateway.Dispose();
}
