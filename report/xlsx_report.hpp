#pragma once
// The batch report as an Excel workbook (libxlsxwriter): one sheet per indicator group
// (Bevolking, Zorg, Personeel, Preventie) with every value of every scenario and area, one row
// per series and one column per year; a sheet "Begroting" with the budget impact of every
// scenario with programmes (report/budget_lines.hpp), a row per area and year; a sheet "Parameters"
// with the levers in which each scenario differs from the baseline; and a sheet "Verantwoording"
// with the provenance.
//
// The workbook's creation time is $SOURCE_DATE_EPOCH when set (reproducible files), else now.

#include "report/report_input.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace zorgsim::report {

// False when zorgsim was built without libxlsxwriter.
bool xlsxAvailable();

// The sheet names, in order.
const std::vector<std::string>& xlsxSheetNames();

// Which sheet an indicator belongs to (README "Output contract"); "Overig" for unknown ones.
std::string indicatorGroup(std::string_view indicator);

// Writes the workbook atomically (temporary file, then rename). Throws OutputError.
void writeXlsxReport(const ReportInput& input, const std::filesystem::path& file);

}  // namespace zorgsim::report
