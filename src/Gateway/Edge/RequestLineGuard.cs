using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.Gateway.Edge;

/// <summary>
/// Kestrel refuses a request line holding a NUL (raw, or as %00 in the target) before any middleware runs, with an
/// empty 400 that ASP.NET Core offers no hook for. The gateway looks at the first request line of each connection
/// itself and answers such a line with a problem body, as every other refusal gets; anything else passes untouched.
/// </summary>
public static class RequestLineGuard
{
    const int LongestLine = 16 * 1024;

    public static readonly Rule ControlCharacter = new("control-character", 400,
        "请求行不得含有控制字符（如 %00）。", "The request line must not contain a control character (such as %00).");

    /// <summary>Adds the guard to every endpoint Kestrel listens on.</summary>
    public static WebApplicationBuilder AddRequestLineGuard(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => connection => GuardAsync(connection, next))));
        return builder;
    }

    static async Task GuardAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        var input = connection.Transport.Input;
        // As long as Kestrel would wait for a request line's headers; a client slower than that is let go.
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
        patience.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            ReadResult read;
            try
            {
                read = await input.ReadAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var buffer = read.Buffer;
            var end = buffer.PositionOf((byte)'\n');
            // Only plain HTTP/1 starts with a method's capital letter: a TLS handshake (0x16) or anything else passes at once.
            var plain = buffer.Length > 0 && buffer.FirstSpan[0] is >= (byte)'A' and <= (byte)'Z';
            if (end is null && plain && !read.IsCompleted && buffer.Length < LongestLine)
            {
                input.AdvanceTo(buffer.Start, buffer.End); // wait for the rest of the line
                continue;
            }
            var hostile = end is { } e && HoldsNul(buffer.Slice(0, e).ToArray());
            input.AdvanceTo(buffer.Start); // nothing consumed: Kestrel reads the same bytes
            if (!hostile) break;
            await RefuseAsync(connection.Transport.Output);
            return;
        }
        await next(connection);
    }

    /// <summary>Whether <paramref name="line"/> is an HTTP/1 request line whose target holds a NUL, raw or percent-encoded.</summary>
    internal static bool HoldsNul(ReadOnlySpan<byte> line)
    {
        if (line.EndsWith("\r"u8)) line = line[..^1];
        if (!(line.EndsWith(" HTTP/1.1"u8) || line.EndsWith(" HTTP/1.0"u8))) return false; // TLS, HTTP/2 or not a request line
        var method = line.IndexOf((byte)' ');
        if (method <= 0 || !IsToken(line[..method])) return false;
        var target = line[(method + 1)..^" HTTP/1.1".Length];
        return target.IndexOf((byte)0) >= 0 || target.IndexOf("%00"u8) >= 0;
    }

    static bool IsToken(ReadOnlySpan<byte> method)
    {
        foreach (var b in method)
            if (b is < (byte)'A' or > (byte)'Z') return false;
        return true;
    }

    static async Task RefuseAsync(PipeWriter output)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["type"] = $"https://servicemanufacturing.miit.gov.cn/problems/{ControlCharacter.Code}",
            ["title"] = ControlCharacter.En,
            ["status"] = ControlCharacter.Status,
            ["code"] = ControlCharacter.Code,
            ["titleZh"] = ControlCharacter.Zh,
            ["errors"] = new Dictionary<string, string[]> { ["path"] = [ControlCharacters.Message] },
        });
        var head = Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\n" +
            $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        await output.WriteAsync(head);
        await output.WriteAsync(body);
        await output.CompleteAsync();
    }
}
