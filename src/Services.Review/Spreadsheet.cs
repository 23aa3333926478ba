using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ServiceManufacturing.Services.Review;

/// <summary>
/// Review's XLSX exports (the summary table 附件2, the final list): one sheet of inline strings, so that it opens alike
/// in Excel, WPS and LibreOffice; the title rows span every column.
/// </summary>
public static class Spreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Create(string sheetName, IReadOnlyList<string[]> rows, IReadOnlyList<int> widths, int mergedTitleRows)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var col = 0; col < rows[r].Length; col++)
                    row.Append(new Cell
                    {
                        CellReference = $"{(char)('A' + col)}{r + 1}",
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(rows[r][col]) { Space = SpaceProcessingModeValues.Preserve }),
                    });
                data.Append(row);
            }
            var last = (char)('A' + widths.Count - 1);
            sheet.Worksheet = new Worksheet(
                new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })),
                data,
                new MergeCells(Enumerable.Range(1, mergedTitleRows).Select(r => new MergeCell { Reference = $"A{r}:{last}{r}" })));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = sheetName }));
            workbook.Workbook.Save();
        }
        return memory.ToArray();
    }
}
