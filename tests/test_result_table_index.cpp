// ResultTable lookups against a brute-force reference (the first row with the area, year and
// key): areas written with the same rows as the first share its index, and every way out of
// that (an area with other, fewer or more rows, a repeated key, an area written again later)
// must still find exactly the rows a plain scan finds.

#include "sim/result_table.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

using namespace zorgsim;

namespace {

double scan(const ResultTable& t, std::uint32_t area, int year, SeriesKey k) {
  for (const ResultRow& r : t.rows()) {
    if (r.area == area && r.year == year && r.key.indicator == k.indicator &&
        r.key.careType == k.careType && r.key.sex == k.sex && r.key.ageGroup == k.ageGroup)
      return r.value;
  }
  return NAN;
}

// Every (area, year, key) of the table's texts, present or not, looked up both ways.
void checkAll(const ResultTable& t, const std::vector<SeriesKey>& keys, std::uint32_t areas) {
  for (std::uint32_t a = 0; a < areas + 1; ++a) {
    for (int year = 2020; year <= 2024; ++year) {
      for (const SeriesKey& k : keys) {
        const double expected = scan(t, a, year, k), got = t.value(a, year, k);
        INFO("area " << a << " year " << year << " indicator " << k.indicator);
        REQUIRE(std::isnan(expected) == std::isnan(got));
        if (!std::isnan(expected)) REQUIRE(got == expected);
      }
    }
  }
}

}  // namespace

TEST_CASE("result table: shared indexes find what a scan finds", "[result-table]") {
  ResultTable t;
  std::vector<SeriesKey> keys;
  for (const char* ind : {"a", "b", "c"}) {
    for (const char* sex : {"total", "male", "female"})
      keys.push_back(t.key(ind, "", sex, "total"));
  }
  for (int a = 0; a < 8; ++a) t.addArea({"municipality", "GM" + std::to_string(a), "x"});
  double v = 0;
  auto standard = [&](std::size_t area, int lastYear) {
    for (int year = 2020; year <= lastYear; ++year) {
      for (const SeriesKey& k : keys) t.add(area, year, k, v++);
    }
  };
  standard(0, 2023);                             // the template
  standard(1, 2023);                             // the same rows: shared
  standard(2, 2021);                             // fewer rows: shared, the later years absent
  standard(3, 2024);                             // more rows: its own index from 2024 on
  for (int year = 2023; year >= 2020; --year) {  // another order: its own index
    for (const SeriesKey& k : keys) t.add(4, year, k, v++);
  }
  standard(5, 2022);
  t.add(5, 2022, keys[0], v++);  // a repeated key: the first row stays
  CHECK(t.duplicateRows() == 1);
  checkAll(t, keys, 8);
  standard(6, 2023);
  t.add(1, 2024, keys[2], v++);  // area 1 written again after others: indexes of their own
  standard(7, 2023);
  checkAll(t, keys, 8);
}

TEST_CASE("result table: a repeated key in the first area ends sharing", "[result-table]") {
  ResultTable t;
  const SeriesKey k1 = t.key("a", "", "total", "total"), k2 = t.key("b", "", "total", "total");
  t.add(0, 2020, k1, 1);
  t.add(0, 2020, k1, 2);
  t.add(0, 2020, k2, 3);
  t.add(1, 2020, k1, 4);
  t.add(1, 2020, k1, 5);
  t.add(1, 2020, k2, 6);
  CHECK(t.value(0, 2020, k1) == 1);
  CHECK(t.value(1, 2020, k1) == 4);
  CHECK(t.value(1, 2020, k2) == 6);
  CHECK(t.duplicateRows() == 2);
}

namespace {
// Two areas of three rows, in the order an ensemble's replicate writes them; texts interned in
// a different order from the layout's so the ids differ between the tables.
void writeRows(ResultTable& t, double offset, bool internOtherFirst) {
  if (internOtherFirst) t.key("unused", "x", "y", "z");
  for (const char* code : {"GM0001", "GM0002"}) {
    const std::size_t a = t.addArea({"municipality", code, code});
    t.add(a, 2020, "population", "", "total", "total", offset + 1);
    t.add(a, 2021, "population", "", "total", "total", offset + 2);
    t.add(a, 2020, "births", "", "female", "15-49", offset + 3);
  }
}
}  // namespace

TEST_CASE("value-only rows: the values of a table's rows, checked against the layout",
          "[result_table]") {
  ResultTable layout;
  writeRows(layout, 0, false);
  std::vector<double> values(layout.rows().size(), -1.0);
  ResultTable replicate;
  replicate.writeValuesOnly(layout, values.data());
  writeRows(replicate, 10, true);
  CHECK(replicate.valuesWritten() == 6);
  CHECK(replicate.rows().empty());  // no row kept
  CHECK(values == std::vector<double>{11, 12, 13, 11, 12, 13});

  // A row that differs from the layout's at its place, an area out of order, or one row too many.
  ResultTable other;
  other.writeValuesOnly(layout, values.data());
  const std::size_t a = other.addArea({"municipality", "GM0001", "GM0001"});
  other.add(a, 2020, "population", "", "total", "total", 1);
  CHECK_THROWS_WITH(other.add(a, 2020, "births", "", "total", "total", 1),
                    Catch::Contains("row differs from the layout"));
  CHECK_THROWS_WITH(other.addArea({"municipality", "GM0003", "GM0003"}),
                    Catch::Contains("area differs from the layout"));
  ResultTable tooMany;
  tooMany.writeValuesOnly(layout, values.data());
  writeRows(tooMany, 0, false);
  CHECK_THROWS_WITH(tooMany.add(1, 2022, "population", "", "total", "total", 1),
                    Catch::Contains("more rows than the layout"));
  ResultTable withRows;
  withRows.add(withRows.addArea({"municipality", "GM0001", "GM0001"}), 2020, "a", "", "", "", 1);
  CHECK_THROWS(withRows.writeValuesOnly(layout, values.data()));
}
