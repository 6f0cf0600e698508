#include "gui/error_text.hpp"

#include <regex>
#include <string_view>
#include <vector>

namespace zorgsim::gui {

namespace {

// A catalogue entry: the fixed parts of its messages (docs/errors.md, "Message" and "Also")
// and its sentence in both languages. {1} and {2} stand for the first and second quoted name
// in the message ('GM9999'), {n} for its first number. The first entry with a matching part
// wins, so the more specific parts come first.
struct Entry {
  const char* code;
  std::vector<std::string_view> parts;
  const char* nl;
  const char* en;
};

const std::vector<Entry>& entries() {
  static const std::vector<Entry> table{
      // Output: folders and files that cannot be written (before the file rules: these name
      // paths too).
      {"E801",
       {"exists but is not a folder", "cannot create output folder", "cannot create directories",
        "cannot create directory"},
       "De map kan niet worden gemaakt of er mag niet in worden geschreven. Er is niets "
       "verloren; kies een map waarin u mag schrijven (zorgsim-gui --export-dir).",
       "The folder cannot be created or written to. Nothing was lost; choose a folder you may "
       "write to (zorgsim-gui --export-dir)."},
      {"E802",
       {"cannot write ", "cannot create ", "cannot move ", "cannot replace ", "cannot flush "},
       "Het bestand kan niet worden geschreven. Er is niets verloren: een eerder bestand met "
       "deze naam is onveranderd. Maak ruimte vrij of kies een andere map.",
       "The file cannot be written. Nothing was lost: an earlier file of this name is unchanged. "
       "Free space or choose another folder."},
      // The dataset description and intervention catalogue have their own "unknown key".
      {"E301",
       {"unknown key in dataset.toml", "every data folder needs a dataset.toml",
        "required key is missing"},
       "De beschrijving van de dataset (dataset.toml) is onvolledig of bevat een onbekende "
       "sleutel. Vergelijk met data/gelderland/dataset.toml.",
       "The dataset description (dataset.toml) is incomplete or has an unknown key. Compare it "
       "with data/gelderland/dataset.toml."},
      {"E503",
       {"no [[intervention]] entries", "unknown key; use [[intervention]] entries",
        "duplicate intervention id", "is not one of universal, selective, indicated",
        "intervention catalogue not found", "intervention catalogue is larger than"},
       "De catalogus van interventies (interventions.toml) is niet bruikbaar. Vergelijk met "
       "scenarios/interventions.toml.",
       "The intervention catalogue (interventions.toml) cannot be used. Compare it with "
       "scenarios/interventions.toml."},
      {"E502",
       {"unknown intervention parameter '", "age_max is below age_min",
        "end_year is before start_year"},
       "Een interventie heeft een onbekende of onmogelijke instelling (leeftijden, jaren). Zie de "
       "lijst in docs/method-care.md.",
       "An intervention has an unknown or impossible setting (ages, years). See the list in "
       "docs/method-care.md."},
      {"E501",
       {"unknown intervention '", "is not in prevention.active", "is not active in this scenario"},
       "De interventie {1} staat niet in de catalogus of is niet actief in dit scenario. Gebruik "
       "een naam uit interventions.toml en zet die eerst in prevention.active.",
       "The intervention {1} is not in the catalogue or not active in this scenario. Use a name "
       "from interventions.toml and list it in prevention.active first."},
      {"E505",
       {"is above the central value", "is below the central value", "a range needs both"},
       "De onzekerheidsmarge van een interventie klopt niet: de centrale waarde moet tussen "
       "de onder- en bovengrens liggen, en beide grenzen moeten er staan.",
       "An intervention's uncertainty range is wrong: the central value must lie between the low "
       "and high ends, and both ends must be given."},
      {"E504",
       {"is not a care state with inflow", "do not overlap the", "is neither 'all' nor a care",
        "the dataset has no multi-state care model"},
       "Een interventie richt zich op een zorgtoestand, leeftijd of groep die het zorgmodel niet "
       "kent (zie care/care_states.toml).",
       "An intervention targets a care state, age range or group the care model does not have "
       "(see care/care_states.toml)."},
      {"E506",
       {"is not a budget line", "is not a municipality of the", "is given twice",
        "the scenario has no active interventions"},
       "Het begrotingsbestand is niet bruikbaar: elke regel is gemeente, jaar, post (wmo, jeugd "
       "of programme) en bedrag in euro, elke combinatie één keer.",
       "The budget file cannot be used: each line is municipality, year, line (wmo, jeugd or "
       "programme) and an amount in euro, each combination once."},
      {"E613",
       {"the model cannot represent this scenario"},
       "Het model kan dit scenario niet doorrekenen (met alle hefbomen op hun standaardwaarde "
       "wel). Zet de genoemde hefbomen dichter bij hun standaardwaarde.",
       "The model cannot represent this scenario (with every lever at its default it can). Move "
       "the named levers towards their defaults."},
      // Files in general.
      {"E302",
       {"data folder not found", "not a folder, and not a dataset shipped in"},
       "De datamap is niet gevonden. Kies de map met dataset.toml.",
       "The data folder was not found. Choose the folder that holds dataset.toml."},
      {"E101",
       {"file not found", "cannot open scenario file", "cannot open file for reading",
        "uncertainty file not found"},
       "Het bestand is niet gevonden. Controleer de naam en de map.",
       "The file was not found. Check its name and folder."},
      {"E102",
       {"is a directory, expected a CSV file", "not a regular file"},
       "Hier is een bestand nodig, maar dit is een map (of geen gewoon bestand). Kies het "
       "bestand in de map.",
       "A file is needed here, but this is a folder (or not a regular file). Choose the file "
       "inside the folder."},
      {"E103",
       {"more than the limit of", "is larger than 4 MiB"},
       "Het bestand is groter dan toegestaan. Controleer of dit het bedoelde bestand is.",
       "The file is larger than allowed. Check that this is the intended file."},
      {"E104",
       {"file contains NUL bytes", "empty file: expected a header line"},
       "Het bestand is leeg of geen tekstbestand (bijvoorbeeld een Excel-bestand met de naam "
       ".csv). Sla het blad op als CSV (UTF-8).",
       "The file is empty or not a text file (for example an Excel file named .csv). Save the "
       "sheet as CSV (UTF-8)."},
      {"E105",
       {"is neither UTF-8 nor Windows-1252", "is not valid UTF-8"},
       "De tekens in het bestand worden niet herkend. Sla het in Excel op als \"CSV UTF-8 (door "
       "komma's gescheiden)\".",
       "The characters of the file are not recognised. In Excel, save it as \"CSV UTF-8 (comma "
       "delimited)\"."},
      // CSV tables.
      {"E201",
       {"required column is missing from the header", "unexpected column",
        "column appears twice in the header", "has an empty name", "column is missing"},
       "Een kolom van de tabel ontbreekt, staat er twee keer in of hoort er niet in. Gebruik de "
       "kolomkoppen uit data/LAYOUT.md.",
       "A column of the table is missing, appears twice or does not belong there. Use the "
       "header in data/LAYOUT.md."},
      {"E202",
       {"fields, the header has", "a quoted field is not closed"},
       "Een regel van de tabel heeft een ander aantal velden dan de kopregel: een komma te veel "
       "of te weinig, een decimale komma (gebruik een punt) of een niet gesloten "
       "aanhalingsteken.",
       "A line of the table has another number of fields than the header: a missing or extra "
       "comma, a decimal comma (use a point) or an unclosed quote."},
      {"E203",
       {"is not a number (use", "is empty, expected a number", "is not a finite number",
        "is not a whole number"},
       "Een veld bevat geen geldig getal. Vul een getal in, met een punt als decimaalteken.",
       "A field holds no valid number. Enter a number, with a point as decimal separator."},
      {"E204",
       // "is outside the allowed range" is E403's sentence, which names the range.
       {"is negative ("},
       "Een waarde kan niet: een negatief aantal of een kans boven 1. Het toegestane bereik staat "
       "in de melding; verbeter de waarde in het bestand.",
       "A value cannot be: a negative count or a probability above 1. The allowed range is in the "
       "message; correct the value in the file."},
      {"E308",
       {"expected a GeoJSON FeatureCollection",
        "not valid JSON: ", "expected Polygon or MultiPolygon", "the geometry has no coordinates",
        "a position must be [x, y] numbers"},
       "Het kaartbestand met gemeentegrenzen is niet bruikbaar; de kaart blijft leeg, al het "
       "andere werkt. Gebruik een gemeentekaart van CBS/PDOK met statcode en statnaam.",
       "The map file of municipal boundaries cannot be used; the map stays empty, everything else "
       "works. Use a CBS/PDOK municipal map with statcode and statnaam."},
      {"E205",
       {"duplicate row for", "duplicate municipality", "duplicate year", "duplicate death rate"},
       "Dezelfde regel staat twee keer in de tabel. Verwijder een van beide (de melding noemt de "
       "tweede).",
       "The same row appears twice in the table. Remove one of them (the message names the "
       "second)."},
      {"E206",
       {"is not an age group", "do not cover all ages", "are not contiguous",
        "death rates must start at age 0"},
       "De leeftijdsgroepen sluiten niet aan: elke leeftijd van 0 tot de open groep (zoals 95+) "
       "moet precies één keer voorkomen.",
       "The age groups do not fit together: every age from 0 to the open group (such as 95+) "
       "must occur exactly once."},
      {"E207",
       {"is not a sex; use", "is not a period like", "use 'estimate' or 'projection'"},
       "Een geslacht of periode is niet geschreven zoals in data/LAYOUT.md.",
       "A sex or period label is not written as in data/LAYOUT.md."},
      // Scenario files.
      {"E401",
       {"not valid TOML"},
       "Het scenariobestand is geen geldige TOML: op de genoemde regel ontbreekt of staat een "
       "aanhalingsteken, '=' of haakje verkeerd.",
       "The scenario file is not valid TOML: on the line named, a quote, '=' or bracket is "
       "missing or misplaced."},
      {"E402",
       {"unknown key"},
       "Het bestand noemt een instelling die zorgsim niet kent, waarschijnlijk een tikfout. Er "
       "is niets uit het bestand overgenomen.",
       "The file names a setting zorgsim does not know, probably a typo. Nothing of the file was "
       "taken over."},
      {"E404",
       {"scenarios extend each other in a cycle", "must be a file name in quotes",
        "scenario file not found", "give the scenario file to extend", "cannot read scenario file"},
       "Het scenario bouwt voort op ('extends') een bestand dat ontbreekt, of scenario's "
       "verwijzen in een kring naar elkaar. Het pad is relatief aan het scenariobestand.",
       "The scenario extends a file that is missing, or scenarios extend each other in a cycle. "
       "The path is relative to the scenario file."},
      {"E405",
       {"horizon more than 100 years", "must be after the data's base year"},
       "De horizon moet tussen het basisjaar + 1 en het basisjaar + 100 liggen.",
       "The horizon must lie between the base year + 1 and the base year + 100."},
      {"E407",
       {"is not a WPP variant"},
       "Kies voor de vruchtbaarheid de variant \"medium\", \"low\" of \"high\".",
       "Choose the fertility variant \"medium\", \"low\" or \"high\"."},
      {"E408",
       {"contains a path separator", "is not a folder name", "starts with '.'",
        "the scenario name is empty", "is longer than", "contains the control character",
        "contains the Unicode noncharacter"},
       "De naam van het scenario wordt de naam van een map en is daarvoor niet geschikt. Kies "
       "een korte naam zonder / of \\, zoals reablement-2030.",
       "The scenario's name becomes a folder name and cannot be used as one. Choose a short "
       "plain name such as reablement-2030."},
      {"E409",
       {"is an empty table: it sets nothing", "is listed twice"},
       "Het scenario bevat een lege tabel of noemt een interventie twee keer. Verwijder de lege "
       "tabel of de tweede vermelding.",
       "The scenario has an empty table or lists an intervention twice. Remove the empty table "
       "or the second mention."},
      {"E406",
       {"is not a care type code like", "unknown care type '"},
       "De zorgsoort {1} komt niet voor in de dataset. Gebruik een code uit "
       "care/care_types.csv.",
       "The care type {1} is not in the dataset. Use a code from care/care_types.csv."},
      // Places: municipalities and regions (scenario tables, the area picker, the map).
      {"E601",
       {"no region or municipality called '", "no region called '", "no municipality called '",
        "unknown municipality code", "is not a CBS municipality code",
        "is not a municipality code like", "is in no region of the dataset"},
       "De gemeente of regio {1} komt niet voor in deze dataset. Kies een naam of CBS-code "
       "(zoals GM0197) uit de lijst.",
       "The municipality or region {1} is not in this dataset. Choose a name or CBS code (such "
       "as GM0197) from the list."},
      // The dataset's name is quoted in these messages, not the code: no {1}.
      {"E604",
       {"is not in the dataset", "no longer exists"},
       "Het bestand noemt een gemeente of zorgsoort die niet in deze dataset voorkomt. Gebruik "
       "een code uit de dataset (municipalities.csv, care/care_types.csv).",
       "The file names a municipality or care type that is not in this dataset. Use a code of "
       "the dataset (municipalities.csv, care/care_types.csv)."},
      // Values (after the rules above, whose messages may also name a range).
      {"E403",
       {"is outside the allowed range", "is negative (", "must be a whole number",
        "must be a finite number", "must be a number", "must be between 1 and",
        "must be greater than 0"},
       "Een waarde is onmogelijk of valt buiten het toegestane bereik. Kies een waarde binnen "
       "het bereik (zie docs/levers.md).",
       "A value is impossible or outside the allowed range. Choose a value inside the range (see "
       "docs/levers.md)."},
      {"E602",
       {"the run needs about", "can be used (75 % of the"},
       "Deze berekening vraagt meer geheugen dan de computer heeft. Kies minder herhalingen of "
       "een kleiner gebied.",
       "This computation needs more memory than the computer has. Choose fewer replicates or a "
       "smaller area."},
      // The GUI's own limits.
      {"GUI",
       {"comparison scenarios"},
       "U kunt ten hoogste {n} scenario's tegelijk vergelijken. Verwijder er eerst een.",
       "You can compare at most {n} scenarios at a time. Remove one first."},
  };
  return table;
}

// Quoted names in the message ('GM9999'), after the place and field.
std::vector<std::string> quoted(const std::string& s) {
  std::vector<std::string> out;
  static const std::regex re("'([^']*)'");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

std::string fill(std::string text, const std::string& what) {
  const auto names = quoted(what);
  std::smatch num;
  static const std::regex numberRe("[0-9]+");
  const std::string n = std::regex_search(what, num, numberRe) ? num.str() : "";
  auto put = [&](const std::string& key, const std::string& value) {
    for (auto p = text.find(key); p != std::string::npos; p = text.find(key))
      text.replace(p, key.size(), value);
  };
  put("{1} ", names.empty() ? "" : "'" + names[0] + "' ");  // no name: the sentence reads on
  put("{1}", names.empty() ? "" : "'" + names[0] + "'");
  put("{n}", n);
  return text;
}

// The name of a file without its folder; a hidden temporary file (".name.tmp.4711") by the
// name it was to get.
std::string shortName(std::string path) {
  while (!path.empty() && (path.back() == '/' || path.back() == '\\')) path.pop_back();
  const auto slash = path.find_last_of("/\\");
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  static const std::regex tmp(R"(^\.(.+)\.tmp\.[0-9]+$)");
  std::smatch m;
  if (std::regex_match(name, m, tmp)) name = m[1];
  return name;
}

bool looksLikeFile(const std::string& s) {
  if (s.empty() || s.rfind("cannot ", 0) == 0) return false;
  return s.find('/') != std::string::npos || s.find('\\') != std::string::npos ||
         s.find('.') != std::string::npos;
}

// The operating system's reason after the last ": " of an output error, in Dutch.
std::string reasonNl(const std::string& reason) {
  static const std::pair<const char*, const char*> reasons[] = {
      {"Permission denied", "geen toestemming om hier te schrijven"},
      {"No space left on device", "de schijf is vol"},
      {"Read-only file system", "de schijf is alleen-lezen"},
      {"File too large", "het bestand is te groot"},
      {"Not a directory", "een bestand staat waar een map hoort"},
      {"No such file or directory", "de map bestaat niet"},
      {"File exists", "er staat al een bestand met die naam"},
  };
  for (const auto& [en, nl] : reasons)
    if (reason.find(en) != std::string::npos) return nl;
  return "";
}

struct Place {
  std::string file, field, what;
  std::size_t line = 0;
  std::string reason;  // output errors: the operating system's reason
};

Place parsePlace(const std::string& m) {
  Place p;
  p.what = m;
  // std::filesystem: "filesystem error: cannot create directories: REASON [PATH]".
  static const std::regex fsError(R"(^filesystem error: [^:]*: (.*?) \[([^\]]*)\])");
  // Output: "cannot write PATH: REASON" (sim/atomic_output.cpp).
  static const std::regex output(R"(^cannot (?:write|create|move|replace|flush) (.+): ([^:]+)$)");
  // Input: "FILE:LINE: field 'FIELD': WHAT", LINE and field optional (sim/input_error.cpp).
  static const std::regex input(R"(^(.+?)(?::([0-9]+))?(?:: field '([^']*)')?: (.*)$)");
  std::smatch r;
  if (std::regex_search(m, r, fsError)) {
    p.file = r[2];
    p.reason = r[1];
  } else if (std::regex_match(m, r, output)) {
    p.file = r[1];
    p.reason = r[2];
  } else if (std::regex_match(m, r, input) && looksLikeFile(r[1])) {
    p.file = r[1];
    p.line = r[2].matched ? std::stoul(r[2]) : 0;
    p.field = r[3];
    p.what = r[4];
  } else if (std::regex_match(m, r, input) && r[3].matched) {
    p.field = r[3];  // a parameter of the run ("region: field ..."), no file
    p.what = r[4];
  }
  return p;
}

// Figures of the message that the room needs, said in Dutch: the suggestion of a misspelt
// key, the allowed range, a negative count.
std::string specificsNl(const std::string& what) {
  std::string out;
  std::smatch m;
  static const std::regex suggestion(R"(did you mean '([^']+)'\?)");
  static const std::regex range(R"(value (\S+) is outside the allowed range (\S+?)\.\.(\S+))");
  static const std::regex negative(R"(is negative \(([^)]+)\))");
  auto decimalComma = [](std::string v) {
    for (char& c : v)
      if (c == '.') c = ',';
    return v;
  };
  if (std::regex_search(what, m, suggestion)) out += " Bedoelt u '" + m[1].str() + "'?";
  if (std::regex_search(what, m, range))
    out += " De waarde " + decimalComma(m[1]) + " ligt buiten het toegestane bereik " +
           decimalComma(m[2]) + " tot " + decimalComma(m[3]) + ".";
  if (std::regex_search(what, m, negative))
    out += " De waarde " + decimalComma(m[1]) + " is negatief; hier hoort 0 of meer.";
  return out;
}

}  // namespace

ErrorText explainError(const std::string& message, Lang lang) {
  ErrorText e;
  e.detail = message;
  // The GUI's own messages are made in the language already (table export: csv.*).
  for (const StringEntry& s : stringTable()) {
    if (s.key.rfind("csv.", 0) != 0 || s.nl.size() < 12) continue;
    if (message.rfind(s.nl, 0) == 0 || message.rfind(s.en, 0) == 0) {
      e.headline = message;
      return e;
    }
  }
  const bool nl = lang == Lang::Nl;
  const Place p = parsePlace(message);
  for (const Entry& entry : entries()) {
    bool hit = false;
    for (std::string_view part : entry.parts) hit = hit || message.find(part) != std::string::npos;
    if (!hit) continue;
    e.code = entry.code;
    e.headline = fill(nl ? entry.nl : entry.en, p.what);
    break;
  }
  if (e.code.empty()) {
    e.headline = nl ? "Het model meldt een fout; de technische melding (Engels) verschijnt als "
                      "u de muis op deze melding houdt."
                    : "The model reports an error:";
  }
  if (nl) e.headline += specificsNl(p.what);
  // The place: the file's name (its folder is in the tooltip), line, field; the reason of an
  // output error.
  std::string where;
  auto add = [&](const std::string& part) { where += (where.empty() ? "" : " \u00B7 ") + part; };
  const bool folder = e.code == "E801" || e.code == "E302";
  if (!p.file.empty())
    add(std::string(folder ? (nl ? "Map: " : "Folder: ") : (nl ? "Bestand: " : "File: ")) +
        shortName(p.file));
  if (p.line > 0) add(std::string(nl ? "regel " : "line ") + std::to_string(p.line));
  if (!p.field.empty()) add(std::string(nl ? "veld '" : "field '") + p.field + "'");
  if (!p.reason.empty()) {
    const std::string r = reasonNl(p.reason);
    add(nl ? (r.empty() ? "reden: zie tooltip" : "reden: " + r) : "reason: " + p.reason);
  }
  e.where = where;
  return e;
}

std::string bannerText(const ErrorText& e, Lang lang) {
  std::string text = e.headline;
  if (!e.where.empty()) text += "\n" + e.where;
  // English: the message as it came (the lines above are the same in plain words). Dutch: on
  // hover only. The GUI's own messages (no catalogue code, headline == message) once.
  if (lang == Lang::En && e.detail != e.headline) text += "\n" + e.detail;
  return text;
}

std::vector<std::string> explainedCodes() {
  std::vector<std::string> codes;
  for (const Entry& e : entries()) codes.emplace_back(e.code);
  return codes;
}

std::string errorLine(const std::string& message, Lang lang) {
  std::string text = bannerText(explainError(message, lang), lang);
  for (char& c : text)
    if (c == '\n') c = ' ';
  return text;
}

}  // namespace zorgsim::gui
