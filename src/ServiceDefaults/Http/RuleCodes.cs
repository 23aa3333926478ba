using System.Reflection;

namespace ServiceManufacturing.ServiceDefaults.Http;

/// <summary>
/// The codes a service can answer: every <see cref="Rule"/> its assembly and ServiceDefaults define as a static field or
/// property. The OpenAPI document declares them as the enum of <c>Problem.code</c>, so a client branches on a closed set.
/// </summary>
public static class RuleCodes
{
    const BindingFlags Statics = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>The codes of the rules <paramref name="service"/> (its assembly) and ServiceDefaults define, in order.</summary>
    public static IReadOnlyList<string> DefinedBy(Assembly service) =>
        [.. new[] { service, typeof(Rule).Assembly }.Distinct().SelectMany(RulesOf).Select(r => r.Code).Distinct().Order(StringComparer.Ordinal)];

    static IEnumerable<Rule> RulesOf(Assembly assembly)
    {
        Type[] types;
        try { types = assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { types = [.. e.Types.OfType<Type>()]; }
        foreach (var type in types.Where(t => !t.ContainsGenericParameters))
        {
            foreach (var field in type.GetFields(Statics).Where(f => f.FieldType == typeof(Rule)))
                if (field.GetValue(null) is Rule rule) yield return rule;
            foreach (var property in type.GetProperties(Statics).Where(p => p.PropertyType == typeof(Rule) && p.GetIndexParameters().Length == 0 && p.GetMethod is not null))
                if (property.GetValue(null) is Rule rule) yield return rule;
        }
    }
}
