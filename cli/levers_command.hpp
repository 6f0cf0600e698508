#pragma once
// `zorgsim levers`: prints the parameter dictionary (Markdown), the source of docs/levers.md.

#include <string>

namespace zorgsim::cli {

std::string leversMarkdown();

}  // namespace zorgsim::cli
