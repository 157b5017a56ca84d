// The synthetic schema of the parse benchmark; see gen_schema.hpp.
#include "tools/bench/parse/gen_schema.hpp"

#include <cstdint>
#include <string>

namespace migc::bench {

namespace {

// A fixed linear congruential generator (Knuth's MMIX constants): the
// standard distributions differ between standard libraries, this does not.
class lcg {
 public:
  explicit lcg(std::uint64_t seed) : state_(seed) {}
  std::uint64_t below(std::uint64_t n) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state_ >> 33) % n;
  }

 private:
  std::uint64_t state_;
};

std::string t(std::size_t i) { return "t" + std::to_string(i); }

void append_table(std::string& out, std::size_t i, lcg& rng) {
  out += "CREATE TABLE " + t(i) + " (\n";
  out += "  id INTEGER PRIMARY KEY,\n";
  out += "  name TEXT NOT NULL COLLATE NOCASE DEFAULT '',\n";
  out += "  amount REAL NOT NULL DEFAULT 0.0 CHECK (amount >= 0 AND amount < 1e9),\n";
  out += "  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'active', 'closed')),\n";
  out += "  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,\n";
  out += "  note BLOB,\n";
  out += "  total REAL GENERATED ALWAYS AS (amount * 1.2) VIRTUAL,\n";
  if (i > 0) {
    const std::size_t parent = i - 1 - rng.below(i < 50 ? i : 50);
    out += "  parent_id INTEGER REFERENCES " + t(parent) + " (id) ON DELETE CASCADE ON UPDATE NO ACTION,\n";
    const std::size_t other = rng.below(i);
    out += "  other_id INTEGER,\n";
    out += "  CONSTRAINT " + t(i) + "_other FOREIGN KEY (other_id) REFERENCES " + t(other) +
           " (id) DEFERRABLE INITIALLY DEFERRED,\n";
  }
  out += "  UNIQUE (name, created_at),\n";
  out += "  CHECK (length(name) <= 200)\n";
  out += ")" + std::string(rng.below(4) == 0 ? " STRICT" : "") + ";\n";
  // STRICT tables allow only the six type names: every column above has one.
  out += "CREATE INDEX " + t(i) + "_status ON " + t(i) + " (status, created_at DESC) WHERE status <> 'closed';\n";
  if (i > 0) out += "CREATE INDEX " + t(i) + "_parent ON " + t(i) + " (parent_id);\n";
  if (rng.below(3) == 0) out += "CREATE INDEX " + t(i) + "_lower ON " + t(i) + " (lower(name), amount + 1);\n";
}

void append_view(std::string& out, std::size_t i, lcg& rng) {
  const std::size_t a = i;
  const std::size_t b = rng.below(i + 1);
  const std::string v = "v" + std::to_string(i);
  switch (rng.below(3)) {
    case 0:
      out += "CREATE VIEW " + v + " AS\nWITH RECURSIVE chain (id, depth) AS (\n  SELECT id, 0 FROM " + t(a) +
             " WHERE parent_id IS NULL\n  UNION ALL\n  SELECT c.id, chain.depth + 1 FROM " + t(a) +
             " AS c JOIN chain ON c.parent_id = chain.id WHERE chain.depth < 10\n)\nSELECT id, max(depth) AS depth "
             "FROM chain GROUP BY id;\n";
      break;
    case 1:
      out += "CREATE VIEW " + v + " (id, name, origin) AS\n  SELECT id, name, 'a' FROM " + t(a) +
             " WHERE amount > 10\n  UNION\n  SELECT id, upper(name), 'b' FROM " + t(b) +
             " WHERE status = 'active'\n  ORDER BY 1 LIMIT 100 OFFSET 5;\n";
      break;
    default:
      out +=
          "CREATE VIEW " + v +
          " AS\n  SELECT id, amount,\n    sum(amount) OVER w AS running,\n    rank() OVER "
          "(PARTITION BY status ORDER BY amount DESC) AS pos,\n    CASE WHEN amount > 100 THEN 'big' WHEN amount > "
          "10 THEN 'mid' ELSE 'small' END AS size,\n    CAST(round(amount, 2) AS TEXT) || ' units' AS label\n  FROM " +
          t(a) +
          "\n  WHERE name LIKE 'a%' ESCAPE '\\' OR id BETWEEN 1 AND 1000\n  WINDOW w AS (ORDER BY id ROWS "
          "BETWEEN 2 PRECEDING AND CURRENT ROW);\n";
      break;
  }
}

void append_trigger(std::string& out, std::size_t i, lcg& rng) {
  const std::string tr = "tr" + std::to_string(i);
  const std::size_t target = i > 0 ? rng.below(i) : 0;
  out += "CREATE TRIGGER " + tr + " AFTER UPDATE OF amount, status ON " + t(i) +
         " FOR EACH ROW\nWHEN NEW.amount <> OLD.amount OR NEW.status IS NOT OLD.status\nBEGIN\n";
  out += "  UPDATE " + t(target) + " SET amount = amount + (NEW.amount - OLD.amount) WHERE id = NEW.id;\n";
  out += "  INSERT INTO " + t(target) + " (id, name, amount) VALUES (NEW.id, NEW.name, NEW.amount)\n";
  out += "    ON CONFLICT (id) DO UPDATE SET name = excluded.name WHERE excluded.amount > 0;\n";
  out += "  DELETE FROM " + t(i) + " WHERE status = 'closed' AND id NOT IN (SELECT parent_id FROM " + t(i) +
         " WHERE parent_id IS NOT NULL);\n";
  out += "  SELECT CASE WHEN NEW.amount < 0 THEN RAISE(ABORT, 'negative amount') END;\n";
  out += "END;\n";
}

}  // namespace

std::string generate_schema(std::size_t tables) {
  lcg rng(20261122);
  std::string out = "-- synthetic schema: " + std::to_string(tables) + " tables\n";
  out.reserve(tables * 1400);
  for (std::size_t i = 0; i < tables; ++i) {
    append_table(out, i, rng);
    if (i % 5 == 4) {
      append_view(out, i, rng);
      append_trigger(out, i, rng);
    }
  }
  return out;
}

}  // namespace migc::bench
