using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>The dates and years of a form outside <see cref="PlausibleDate"/>'s range, by field: such a form is not saved.</summary>
public static class FormDates
{
    public static Dictionary<string, string[]> Implausible(ApplicationForm form)
    {
        var errors = new Dictionary<string, string[]>();
        PlausibleDate.Check(errors, "platform.inOperationSince", form.Platform?.InOperationSince);
        foreach (var (incident, i) in (form.Declarations?.Incidents ?? []).Select((incident, i) => (incident, i)))
            PlausibleDate.Check(errors, $"declarations.incidents[{i}].date", incident?.Date);
        foreach (var (revenue, i) in (form.Enterprise?.Revenues ?? []).Select((revenue, i) => (revenue, i)))
            PlausibleDate.CheckYear(errors, $"enterprise.revenues[{i}].year", revenue?.Year);
        return errors;
    }
}
