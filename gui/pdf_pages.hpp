#pragma once
// A PDF of whole-page images, written by hand (no PDF library): one A4 landscape page per PNG,
// the image scaled to fit inside 20 pt margins and centred. The PNG's compressed pixel data
// (its IDAT chunks) goes into the PDF unchanged as a FlateDecode stream with the PNG
// predictor, so no image codec is needed. Accepts 8-bit RGB, non-interlaced PNGs (what
// Platform::savePng writes); anything else throws std::runtime_error naming the file.

#include <filesystem>
#include <string>
#include <vector>

namespace zorgsim::gui {

// The bytes of the PDF; `title` goes into the document information.
std::string pdfFromPngs(const std::vector<std::filesystem::path>& pngs, const std::string& title);

}  // namespace zorgsim::gui
