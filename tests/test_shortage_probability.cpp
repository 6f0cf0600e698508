// The probability of a shortage from a constructed ensemble
// (models/analyses/shortage_probability.hpp).

#include "models/analyses/shortage_probability.hpp"
#include "models/analyses/shortage_table.hpp"
#include "sim/text_sink.hpp"

#include <catch2/catch.hpp>

#include <limits>

using namespace zorgsim;

TEST_CASE("shortage probability of a constructed ensemble", "[shortage]") {
  // Ten replicates; in year 2023 + k replicate r has a gap of 100 (k + 1) + 40 r FTE, so more
  // than 500 FTE: none in 2023, 2 of 10 in 2024 (r >= 8), 4 in 2025 (r >= 6), 7 in 2026 (r >= 3), 9
  // in 2027 (r >= 1), all ten in 2028.
  ShortageSeries s;
  for (int k = 0; k < 6; ++k) {
    s.years.push_back(2023 + k);
    std::vector<double> row;
    for (int r = 0; r < 10; ++r) row.push_back(100.0 * (k + 1) + 40.0 * r);
    s.replicates.push_back(row);
  }
  const ShortageAnswer a = shortageProbability(s, 500);
  REQUIRE(a.probability.size() == 6);
  CHECK(a.probability[0] == 0.0);
  CHECK(a.probability[1] == Approx(0.2));
  CHECK(a.probability[2] == Approx(0.4));
  CHECK(a.probability[3] == Approx(0.7));
  CHECK(a.probability[4] == Approx(0.9));
  CHECK(a.probability[5] == Approx(1.0));
  CHECK(a.year50 == 2026);
  CHECK(a.year90 == 2027);
  CHECK(probabilityAbove({1, 2, 3, 4}, 2) == Approx(0.5));
  CHECK(probabilityAbove({}, 0) == 0.0);
  const ShortageAnswer none = shortageProbability(s, 1e6);
  CHECK(!none.year50);
  CHECK(!none.year90);
}

TEST_CASE("shortage sentence and bad input", "[shortage][bad-input]") {
  CHECK(shortageSentence(2500, 2035, 0.904, true) ==
        "kans op een tekort van meer dan 2.500 fte in 2035: 90 %");
  CHECK(shortageSentence(1000, 2035, 0.5, false) ==
        "chance of a shortage of more than 1,000 FTE in 2035: 50 %");
  CHECK(shortageSentence(500, 2030, 0.8, true) ==
        "kans op een tekort van meer dan 500 fte in 2030: 80 %");
  CHECK(shortageSentence(500, 2030, 0.8, false) ==
        "chance of a shortage of more than 500 FTE in 2030: 80 %");
  ShortageSeries bad;
  bad.years = {2030, 2029};
  bad.replicates = {{1}, {2}};
  CHECK_THROWS_WITH(shortageProbability(bad, 0), Catch::Contains("years must ascend"));
  bad.years = {2030};
  CHECK_THROWS_WITH(shortageProbability(bad, 0), Catch::Contains("one row of replicates per year"));
  CHECK_THROWS_WITH(shortageProbability(ShortageSeries{}, std::numeric_limits<double>::quiet_NaN()),
                    Catch::Contains("finite number"));
}

TEST_CASE("shortage table of a constructed ensemble: rows, first years and the CSV", "[shortage]") {
  EnsembleResult er;
  er.layout.addArea({"region", "ACH", "Achterhoek"});
  GapSamples g;
  g.area = 0;
  // Four replicates; gaps 2030: 100 200 600 700; 2031: 600 700 800 -50.
  g.years = {2030, 2031};
  g.replicates = {{100, 200, 600, 700}, {600, 700, 800, -50}};
  er.gaps.push_back(g);
  const auto rows = shortageRows(er);
  REQUIRE(rows.size() == std::size(kShortageThresholds) * 2);
  const ShortageRow* at500 = nullptr;
  for (const auto& r : rows) {
    if (r.threshold == 500 && r.year == 2031) at500 = &r;
  }
  REQUIRE(at500 != nullptr);
  CHECK(at500->probability == 0.75);
  CHECK(at500->year50 == 2030);  // 2 of 4 in 2030
  CHECK(!at500->year90);
  const std::string csv = shortageCsv(rows, "s");
  CHECK(csv.find("s,region,ACH,Achterhoek,500,2030,0.5,2030,\n") != std::string::npos);
  CHECK(csv.find("s,region,ACH,Achterhoek,0,2030,1,2030,2030\n") != std::string::npos);
  // Written straight from the ensemble, a row at a time: the same text.
  StringSink streamed;
  writeShortageCsv(er, "s", streamed);
  CHECK(streamed.take() == csv);
  // The sentence's threshold: the largest round number at or below the median gap.
  CHECK(sentenceThreshold({100, 200, 600, 700}) == 250);
  CHECK(sentenceThreshold({-10, -20}) == 0);
  CHECK(sentenceThreshold({3000, 8000, 9000}) == 5000);
}
