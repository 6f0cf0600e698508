// Region and municipality picker: the regions of the dataset grouped by type (province,
// zorgregio, jeugdregio, COROP), then "whole region" or one of its municipalities.

#include "gui/views.hpp"
#include "gui/widgets.hpp"

#include <algorithm>

namespace zorgsim::gui {

namespace {

const char* typeKey(const std::string& type) {
  if (type == "zorgregio") return "regiontype.zorgregio";
  if (type == "jeugdregio") return "regiontype.jeugdregio";
  if (type == "corop") return "regiontype.corop";
  if (type == "province") return "regiontype.province";
  if (type == "country") return "regiontype.country";
  if (type == "zorgkantoorregio") return "regiontype.zorgkantoorregio";
  if (type == "arbeidsmarktregio") return "regiontype.arbeidsmarktregio";
  if (type == "ggd-regio") return "regiontype.ggd";
  if (type == "coalition") return "regiontype.coalition";
  return nullptr;
}

std::string typeLabel(const Ui& ui, const std::string& type) {
  const char* key = typeKey(type);
  return key ? ui.t(key) : type;
}

}  // namespace

void drawAreaPicker(Ui& ui, float width, bool compact) {
  Session& s = ui.session;
  const Dataset& d = s.data();
  const Region* current = s.region();
  std::string preview = current ? current->name : d.provinceName;
  if (current && !compact) preview += " (" + typeLabel(ui, current->type) + ")";
  if (!compact) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ui.t("top.region"));
    ImGui::SameLine();
  }
  ImGui::SetNextItemWidth(width);
  if (ImGui::BeginCombo("##region", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
    std::vector<std::string> types{"country",   "province",   "coalition",
                                   "zorgregio", "jeugdregio", "corop"};
    for (const auto& r : d.regions) {
      if (std::find(types.begin(), types.end(), r.type) == types.end()) types.push_back(r.type);
    }
    for (const auto& type : types) {
      const auto regions = d.regionsOfType(type);
      if (regions.empty()) continue;
      ImGui::TextDisabled("%s", typeLabel(ui, type).c_str());
      for (const Region* r : regions) {
        ImGui::PushID(r);
        if (ImGui::Selectable(("   " + r->name).c_str(), r == current)) {
          std::string error;
          if (!s.selectRegion(r->code, error)) ui.state.error = error;
        }
        ImGui::PopID();
      }
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (!compact) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ui.t("top.municipality"));
    ImGui::SameLine();
  }
  const std::string muni =
      s.municipality().empty() ? std::string(ui.t("top.whole_region")) : s.focusName();
  ImGui::SetNextItemWidth(width * 0.85f);
  if (ImGui::BeginCombo("##municipality", muni.c_str(), ImGuiComboFlags_HeightLarge)) {
    if (ImGui::Selectable(ui.t("top.whole_region"), s.municipality().empty()))
      s.clearMunicipality();
    std::vector<int> members = current ? current->members : std::vector<int>{};
    std::sort(members.begin(), members.end(), [&](int a, int b) {
      return d.municipalities[static_cast<std::size_t>(a)].name <
             d.municipalities[static_cast<std::size_t>(b)].name;
    });
    for (int m : members) {
      const Municipality& mm = d.municipalities[static_cast<std::size_t>(m)];
      if (ImGui::Selectable(mm.name.c_str(), mm.code == s.municipality())) {
        std::string error;
        if (!s.selectMunicipality(mm.code, error)) ui.state.error = error;
      }
    }
    ImGui::EndCombo();
  }
}

}  // namespace zorgsim::gui
