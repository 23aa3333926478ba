using System.Net.Http.Headers;
using System.Text;
using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.Tests.TestSupport.Hostile;

/// <summary>One generated request, with what it tries, so that a failure shows how to send it again.</summary>
public sealed record HostileRequest(string Method, string Target, string? ContentType, byte[]? Body, CurrentUser? User,
    string Attack, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>A JSON body.</summary>
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(Target, UriKind.Relative));
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        if (User is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(User));
        foreach (var (name, value) in Headers ?? new Dictionary<string, string>())
            message.Headers.TryAddWithoutValidation(name, value);
        return message;
    }

    /// <summary>How to send it again: method, target, caller, headers and (the start of) the body.</summary>
    public override string ToString()
    {
        var text = new StringBuilder($"{Method} {Target}  [{Attack}] as {User?.Role ?? "no token"}");
        if (ContentType is not null) text.Append($"  Content-Type: {ContentType}");
        foreach (var (name, value) in Headers ?? new Dictionary<string, string>()) text.Append($"  {name}: {value}");
        if (Body is not null)
        {
            var body = Encoding.UTF8.GetString(Body);
            text.Append($"{Environment.NewLine}    body ({Body.Length} bytes): {Escape(body.Length > 1500 ? body[..1500] + "…" : body)}");
        }
        return text.ToString();
    }

    /// <summary>Control characters shown as \uXXXX so the message itself stays readable.</summary>
    public static string Escape(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) && c != '\n' || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
