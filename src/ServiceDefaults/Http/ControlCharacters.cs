using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ServiceManufacturing.ServiceDefaults.Http;

/// <summary>
/// No text the platform takes may hold a control character (U+0000 and the like): PostgreSQL cannot store a NUL, and
/// none of them means anything in a name, a code or a form. Tab, carriage return and line feed stay allowed, as
/// multi-line text fields legitimately hold them. A lone surrogate is not text either.
/// </summary>
public static class ControlCharacters
{
    /// <summary>The message a refused field gets.</summary>
    public const string Message = "不得含有控制字符（如 U+0000）。 / Must not contain control characters (such as U+0000).";

    const string MalformedForm = "表单无法读取。 / The form could not be read.";

    /// <summary>The message a multipart field sent more than once gets (as a duplicate JSON key is refused).</summary>
    public const string DuplicateField = "字段重复出现。 / The field appears more than once.";

    /// <summary>Whether <paramref name="text"/> holds a character no field may hold.</summary>
    public static bool AreIn(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n')) return true;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(c)) return true;
        }
        return false;
    }

    /// <summary>
    /// Refuses, before authentication and before any endpoint, a request whose path (and so its route values), query,
    /// form or JSON body holds a control character: 400 naming the parameter or field, nothing stored. A multipart form
    /// that names a field (or a file) twice is refused the same way, as a duplicate JSON key is: the form reader would
    /// join the values, and no form of the platform takes a field twice.
    /// </summary>
    public static WebApplication UseControlCharacterRefusal(this WebApplication app)
    {
        app.Use(RefuseControlCharacters);
        return app;
    }

    static async Task RefuseControlCharacters(HttpContext context, Func<Task> next)
    {
        var errors = new Dictionary<string, string[]>();
        var request = context.Request;
        if (AreIn(request.Path.Value) || AreIn(request.PathBase.Value)) errors["path"] = [Message];
        foreach (var (key, values) in request.Query)
            if (AreIn(key) || values.Any(v => AreIn(v))) errors[FieldName(key)] = [Message];
        if (errors.Count == 0 && IsUrlEncodedForm(request))
        {
            // Read here, not with ReadFormAsync: the framework's form reader throws on a NUL without naming the field.
            foreach (var (key, value) in await UrlEncodedFieldsAsync(request))
                if (AreIn(key) || AreIn(value)) errors[FieldName(key)] = [Message];
        }
        else if (errors.Count == 0 && request.HasFormContentType)
        {
            // An oversized form throws here as it would in the endpoint (413); a malformed one is refused here.
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or IOException && e is not BadHttpRequestException)
            {
                await Problems.Validation(new Dictionary<string, string[]> { ["form"] = [MalformedForm] }).ExecuteAsync(context);
                return;
            }
            foreach (var (key, values) in form)
                if (AreIn(key) || values.Any(v => AreIn(v))) errors[FieldName(key)] = [Message];
            foreach (var file in form.Files)
                if (AreIn(file.FileName) || AreIn(file.Name)) errors[FieldName(file.Name)] = [Message];
            if (errors.Count == 0)
                foreach (var name in form.Where(f => f.Value.Count > 1).Select(f => f.Key)
                             .Concat(form.Files.Select(f => f.Name).Concat(form.Keys).GroupBy(n => n, StringComparer.OrdinalIgnoreCase)
                                 .Where(g => g.Count() > 1).Select(g => g.Key)))
                    errors[FieldName(name)] = [DuplicateField];
        }
        if (errors.Count == 0 && request.HasJsonContentType() && await JsonFieldWithControlCharactersAsync(request) is { } field)
            errors[field] = [Message];
        if (errors.Count == 0)
        {
            await next();
            return;
        }
        await Problems.Validation(errors).ExecuteAsync(context);
    }

    static bool IsUrlEncodedForm(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <summary>The fields of a URL-encoded body, decoded as a browser encodes them; the body is read again later.</summary>
    static async Task<List<(string Key, string Value)>> UrlEncodedFieldsAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
        return body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Decode(pair[0]), pair.Length > 1 ? Decode(pair[1]) : ""))
            .ToList();
    }

    /// <summary>
    /// The first field of a JSON body whose name or string value holds a control character (JSON allows them
    /// escaped, as \u0000). A body that is not JSON is left for the endpoint to refuse. The body is read again there.
    /// </summary>
    static async Task<string?> JsonFieldWithControlCharactersAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        try
        {
            return FirstRefusedField(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static string? FirstRefusedField(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        var path = new List<object>();   // property names and array indexes down to the current token
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var name = TextOf(ref reader);
                    if (name is null || AreIn(name))
                    {
                        path[^1] = "";
                        return PathOf(path);
                    }
                    path[^1] = name;
                    break;
                case JsonTokenType.StartArray:
                    Advance(path);
                    path.Add(-1);
                    break;
                case JsonTokenType.StartObject:
                    Advance(path);
                    path.Add("");
                    break;
                case JsonTokenType.EndArray or JsonTokenType.EndObject:
                    path.RemoveAt(path.Count - 1);
                    break;
                case JsonTokenType.String:
                    Advance(path);
                    if (TextOf(ref reader) is not { } text || AreIn(text)) return PathOf(path);
                    break;
                default:
                    Advance(path);
                    break;
            }
        }
        return null;
    }

    /// <summary>A value in an array moves the array's index on.</summary>
    static void Advance(List<object> path)
    {
        if (path.Count > 0 && path[^1] is int index) path[^1] = index + 1;
    }

    /// <summary>The string, or null when it is not text (an escaped lone surrogate).</summary>
    static string? TextOf(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The field as the JSON names it (<c>form.enterprise.revenues[2].year</c>); a refused name reports its object.</summary>
    static string PathOf(List<object> path)
    {
        var text = new StringBuilder();
        foreach (var step in path)
            if (step is int index) text.Append('[').Append(index).Append(']');
            else if (step is string { Length: > 0 } name) text.Append(text.Length > 0 ? "." : "").Append(name);
        return text.Length == 0 ? "body" : text.Length > 200 ? text.ToString(0, 200) : text.ToString();
    }

    /// <summary>The name a refused parameter is reported under, itself without control characters.</summary>
    static string FieldName(string key) => AreIn(key) || key.Length == 0
        ? "query"
        : key.Length > 100 ? key[..100] : key;
}
