#include "gui/pdf_pages.hpp"

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace zorgsim::gui {

namespace {

struct PngData {
  std::uint32_t width = 0, height = 0;
  std::string idat;  // the zlib stream of the filtered scanlines
};

std::uint32_t be32(const std::string& s, std::size_t at) {
  return (std::uint32_t(std::uint8_t(s[at])) << 24) |
         (std::uint32_t(std::uint8_t(s[at + 1])) << 16) |
         (std::uint32_t(std::uint8_t(s[at + 2])) << 8) | std::uint32_t(std::uint8_t(s[at + 3]));
}

PngData readPng(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), {}};
  auto fail = [&](const char* why) {
    throw std::runtime_error(file.string() + ": cannot put into a PDF: " + why);
  };
  if (bytes.size() < 33 || bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) fail("not a PNG file");
  PngData png;
  for (std::size_t at = 8; at + 12 <= bytes.size();) {
    const std::uint32_t length = be32(bytes, at);
    const std::string type = bytes.substr(at + 4, 4);
    if (at + 12 + length > bytes.size()) fail("truncated chunk");
    if (type == "IHDR") {
      png.width = be32(bytes, at + 8);
      png.height = be32(bytes, at + 12);
      // bit depth 8, colour type 2 (RGB), compression 0, filter 0, interlace 0
      if (bytes[at + 16] != 8 || bytes[at + 17] != 2 || bytes[at + 20] != 0)
        fail("only 8-bit RGB, non-interlaced");
    } else if (type == "IDAT") {
      png.idat += bytes.substr(at + 8, length);
    } else if (type == "IEND") {
      break;
    }
    at += 12 + length;
  }
  if (png.width == 0 || png.idat.empty()) fail("no image data");
  return png;
}

// A string in a PDF literal of the document information (PDFDocEncoding, Latin-1 for the
// accented letters): an en dash becomes a hyphen, other characters beyond Latin-1 a '?';
// parentheses and backslashes escaped.
std::string pdfText(const std::string& utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    unsigned c = std::uint8_t(utf8[i]);
    if (c >= 0xC0 && c < 0xE0 && i + 1 < utf8.size()) {
      c = ((c & 0x1F) << 6) | (std::uint8_t(utf8[++i]) & 0x3F);
    } else if (c >= 0xE0 && c < 0xF0 && i + 2 < utf8.size()) {
      c = ((c & 0x0F) << 12) | ((std::uint8_t(utf8[i + 1]) & 0x3F) << 6) |
          (std::uint8_t(utf8[i + 2]) & 0x3F);
      i += 2;
    } else if (c >= 0x80) {
      c = '?';
    }
    if (c == 0x2013) c = '-';
    if (c > 0xFF) c = '?';
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += static_cast<char>(c);
  }
  return out;
}

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

std::string pdfFromPngs(const std::vector<std::filesystem::path>& pngs, const std::string& title) {
  constexpr double kPageW = 842, kPageH = 595, kMargin = 20;  // A4 landscape, points
  std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;  // of objects 1..n
  auto object = [&](const std::string& body) {
    offsets.push_back(out.size());
    out += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
  };
  // Objects: 1 catalog, 2 pages, 3 info, then per page: page, contents, image.
  const std::size_t n = pngs.size();
  std::string kids;
  for (std::size_t i = 0; i < n; ++i) kids += std::to_string(4 + 3 * i) + " 0 R ";
  object("<< /Type /Catalog /Pages 2 0 R >>");
  object("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
  object("<< /Title (" + pdfText(title) + ") /Producer (zorgsim-gui) >>");
  for (std::size_t i = 0; i < n; ++i) {
    const PngData png = readPng(pngs[i]);
    const double scale =
        std::min((kPageW - 2 * kMargin) / png.width, (kPageH - 2 * kMargin) / png.height);
    const double w = png.width * scale, h = png.height * scale;
    const double x = (kPageW - w) / 2, y = (kPageH - h) / 2;
    const std::string contents =
        "q " + fmt(w) + " 0 0 " + fmt(h) + " " + fmt(x) + " " + fmt(y) + " cm /Im0 Do Q\n";
    const std::size_t page = 4 + 3 * i;
    object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources << /XObject << /Im0 " +
           std::to_string(page + 2) + " 0 R >> >> /Contents " + std::to_string(page + 1) +
           " 0 R >>");
    object("<< /Length " + std::to_string(contents.size()) + " >>\nstream\n" + contents +
           "endstream");
    object("<< /Type /XObject /Subtype /Image /Width " + std::to_string(png.width) + " /Height " +
           std::to_string(png.height) +
           " /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << "
           "/Predictor 15 /Colors 3 /BitsPerComponent 8 /Columns " +
           std::to_string(png.width) + " >> /Length " + std::to_string(png.idat.size()) +
           " >>\nstream\n" + png.idat + "\nendstream");
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t o : offsets) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", o);
    out += buf;
  }
  out += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) +
         " /Root 1 0 R /Info 3 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

}  // namespace zorgsim::gui
