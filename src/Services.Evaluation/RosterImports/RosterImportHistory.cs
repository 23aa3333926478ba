using ServiceManufacturing.ServiceDefaults.Audit;

namespace ServiceManufacturing.Services.Evaluation.RosterImports;

/// <summary>What the auditors' history says of each roster-import event.</summary>
static class RosterImportHistory
{
    public static EventHistory DescribeRosterImports(this EventHistory history) => history
        .Describe<RosterImported>(e => new(
            $"{e.ImportedBy} 导入示范名单 {e.FileName}（SHA-256 {e.ContentSha256}）：共 {e.Rows} 行，新增 {e.Enrolled}，更正 {e.Corrected}，未变 {e.Unchanged}，拒绝 {e.Problems.Count}",
            $"{e.ImportedBy} imported the roster file {e.FileName} (SHA-256 {e.ContentSha256}): {e.Rows} rows, {e.Enrolled} enrolled, {e.Corrected} corrected, {e.Unchanged} unchanged, {e.Problems.Count} refused"));
}
