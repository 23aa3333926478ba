using System.Text.Json.Nodes;

namespace ServiceManufacturing.Tests.TestSupport.Hostile;

/// <summary>The values an attacker tries where a field, a parameter or a header is expected.</summary>
public static class HostileValues
{
    /// <summary>Strings no field should store or choke on: control characters, huge, odd Unicode, injections.</summary>
    public static readonly string[] Strings =
    [
        "\0", "a\0b", new string('\0', 38), "\u0001", "\u001b[31m", "\u007f", "\u0085", "\u009f", "\u0008", "\u000b\u000c",
        "\t", "\r\n", "line\nbreak",
        "\ud800", "\udc00x", "😀", "\u202e\u202dreversed", "\ufeff", "\uffff", "\u200b",
        new string('A', 10_000), new string('中', 70_000), new string('x', 300_000),
        "", " ", "   enterprise   ", "' or 1=1 --", "'); drop table mt_events; --", "<script>alert(1)</script>",
        "../../../../etc/passwd", "%00", "%s%s%s%n", "{{7*7}}", "${jndi:ldap://x/a}", "null", "true", "0", "-1",
        "1e309", "NaN", "Infinity", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
    ];

    /// <summary>Numbers at and past every boundary the platform's types have.</summary>
    public static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "79228162514264337593543950335", "79228162514264337593543950336",
        "1e308", "-1e308", "1e309", "1e-320", "0.5", "1.0000000000000000000000001", "123456789012345678901234567890",
        "1E+2", "-0.0", "3.4028235E+38",
    ];

    /// <summary>Dates and times at and past the ends of every calendar the platform might use.</summary>
    public static readonly string[] Dates =
    [
        "0001-01-01", "9999-12-31", "1900-01-01", "1949-09-30", "1949-10-01", "2100-12-31", "2101-01-01", "2023-02-29",
        "2024-02-29", "2023-02-30", "2023-13-01", "2023-00-10", "99999-01-01", "-0001-01-01", "2023-3-1", "20230301",
        "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59.9999999-14:00", "2023-03-15T25:00:00", "2023-03-15T09:00:00+15:00",
        "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2023-03-15 09:00", "today", "",
    ];

    /// <summary>Query and path values that are not what an endpoint expects.</summary>
    public static readonly string[] Raw =
    [
        "%00", string.Concat(Enumerable.Repeat("%00", 38)), "%01", "%1b", "%7f", "%c2%85", "%ff", "%fe%ff", "%e4%b8%ad",
        "%20", "%2e%2e%2f%2e%2e%2f", "..", "%2f", "%5c", "'", "%27%20or%201%3d1", new string('9', 40), new string('a', 5000),
        "-1", "0", "2147483648", "99999999999", "1e3", "0x10", "null", "undefined", "%2525", "%",
    ];

    /// <summary>If-Match headers: stale, absurd and malformed versions.</summary>
    public static readonly string[] IfMatch =
    [
        "\"0\"", "\"1\"", "\"-1\"", "\"2147483648\"", "\"99999999999999999999\"", "*", "W/\"1\"", "garbage", "\"\"", "\"1\", \"2\"",
    ];

    /// <summary>Bodies that are not the JSON an endpoint reads.</summary>
    public static readonly string[] MalformedJson =
    [
        "", "{", "}", "[", "[]", "null", "true", "0", "\"text\"", "{,}", "{\"a\":}", "{\"a\" 1}", "{'a':1}", "{\"a\":1,}",
        "{\"a\":1 /* comment */}", "\ufeff{}", "{\"a\":\"\\u00\"}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\uDFFF\\uD800\"}",
        new string('[', 2000) + new string(']', 2000), "{\"a\":" + new string('[', 100) + new string(']', 100) + "}",
        "{\"\\u0000\":1}", "{\"a\":1}{\"b\":2}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}", "{\"a\":1e99999}",
    ];

    /// <summary>A JSON value of another type than <paramref name="kind"/> (the schema's primary type).</summary>
    public static JsonNode? WrongType(string kind, Random random) => (kind, random.Next(5)) switch
    {
        ("string", 0) => JsonValue.Create(12345),
        ("string", 1) => new JsonArray("a", "b"),
        ("integer" or "number", 0) => JsonValue.Create("12x"),
        ("integer" or "number", 1) => JsonValue.Create(true),
        ("boolean", _) => JsonValue.Create("yes"),
        ("array", _) => new JsonObject { ["0"] = "a" },
        ("object", _) => new JsonArray(1, 2, 3),
        (_, 2) => new JsonObject { ["nested"] = new JsonObject() },
        (_, 3) => JsonValue.Create(false),
        _ => JsonValue.Create(1.5),
    };
}
