// Running a plan's data checks against the live database, read only.
#include "compiler/plan/plan.hpp"

namespace migc::plan {

rt::result<std::vector<check_result>> preflight(const plan& p, rt::connection& db) {
  std::vector<check_result> found;
  for (const step& s : p.steps) {
    for (const data_check& c : s.checks) {
      rt::result<rt::statement> count = db.prepare(c.count_sql);
      if (!count) return count.error();
      rt::result<rt::step_result> row = count->step();
      if (!row) return row.error();
      std::int64_t n = *row == rt::step_result::row ? count->column_int64(0) : 0;
      if (n == 0) continue;
      check_result r{&s, &c, n, {}};
      if (!c.sample_sql.empty()) {
        rt::result<rt::statement> sample = db.prepare(c.sample_sql);
        if (!sample) return sample.error();
        while (true) {
          rt::result<rt::step_result> next = sample->step();
          if (!next) return next.error();
          if (*next == rt::step_result::done) break;
          if (!sample->column_is_null(0)) r.sample.push_back(sample->column_int64(0));
        }
      }
      found.push_back(std::move(r));
    }
  }
  return found;
}

}  // namespace migc::plan
