#pragma once
// Workshop snapshots ("Bewaar dit moment", issue #18 problem 8): the button (or the script verb
// `snapshot`) keeps the moment: scenario, changed levers and reaches, comparisons, view, area,
// year and the figures on screen. The next frame is drawn as a page (drawSnapshotHeader /
// drawSnapshotFooter around the current view, without the levers panel): title, area, year,
// scenarios, the view with its legends, the source line and the caveat that many parameters
// are illustrative assumptions; that frame is saved as DIR/moment-NN.png, the data of its
// charts as DIR/moment-NN-<chart>.csv, its tables as DIR/moment-NN-tabel-<table>.csv (and the
// budget rows on the budget view). "Exporteer grafiek" draws the same page (App::writePage)
// without adding it to the documents. After each
// snapshot the documents of all of them are rewritten: DIR/momenten.html (every moment with
// its description and image, for the minutes) and DIR/momenten.pdf (one page per moment,
// gui/pdf_pages.hpp).

#include "gui/ui.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace zorgsim::gui {

struct Snapshot {
  int number = 0;
  std::string title;                // "Achterhoek 2040 – Preventie"
  std::string scenario;             // the current scenario's title (with "(gewijzigd)")
  std::vector<std::string> others;  // reference and comparison titles
  std::vector<std::string> levers;  // "Vruchtbaarheid (factor): 1,00 -> 1,20", reaches
  std::filesystem::path png;
  std::vector<std::filesystem::path> csv;
};

// What is on screen now (the file names are set when it is written).
Snapshot describeMoment(const Ui& ui, int number);

// The page frame's header (title, scenarios, changed levers) and footer (source, caveat).
void drawSnapshotHeader(Ui& ui, const Snapshot& s);
void drawSnapshotFooter(Ui& ui);
float snapshotFooterHeight(const Ui& ui);

// Rewrites DIR/momenten.html and DIR/momenten.pdf from every snapshot so far; returns their
// paths. Throws on a file that cannot be written.
std::vector<std::filesystem::path> writeSnapshotDocuments(const Ui& ui,
                                                          const std::filesystem::path& dir,
                                                          const std::vector<Snapshot>& all);

}  // namespace zorgsim::gui
