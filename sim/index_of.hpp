#pragma once
// Position of the first element whose `code` member equals `code`, or -1. For the small
// catalogues (care types, workforce segments) where a linear search is the clearest.

#include <string>
#include <vector>

namespace zorgsim {

template <class T>
int indexOfCode(const std::vector<T>& items, const std::string& code) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].code == code) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace zorgsim
