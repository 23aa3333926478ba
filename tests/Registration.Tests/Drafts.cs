using System.Net;
using System.Net.Http.Json;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>A draft with its form saved, through the API, as the user would make it.</summary>
public static class Drafts
{
    public static async Task<Guid> DraftAsync(this RegistrationApp app, CurrentUser user, string category, string authority, ApplicationForm form)
    {
        var client = app.ClientFor(user);
        var created = await client.PostAsJsonAsync("/api/v1/applications",
            new { category, organisationName = user.Name, creditCode = user.CreditCode ?? "914403001922038216", authorityCode = authority });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<ApplicationDetails>(ApiJson.Options))!.Id;
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/applications/{id}/form", form, ApiJson.Options)).StatusCode);
        return id;
    }
}
