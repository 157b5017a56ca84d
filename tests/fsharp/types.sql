-- The shapes TypesTest.fs runs the generated F# over: every value type,
-- nullable and not, a generated column, keywords and odd names as
-- columns, a self-referencing foreign key, a table without PRIMARY KEY,
-- a WITHOUT ROWID table with a text key, a table whose key columns are
-- named like what the members' bodies use (FsToolkit's `result` builder,
-- the module's helpers), and a view.
CREATE TABLE kinds (
  id        INTEGER PRIMARY KEY,
  i         INTEGER NOT NULL,
  i_null    INTEGER,
  r         REAL NOT NULL,
  r_null    REAL,
  n         NUMERIC NOT NULL,
  n_null    DECIMAL(10, 2),
  t         TEXT NOT NULL,
  t_null    TEXT,
  b         BLOB NOT NULL,
  b_null    BLOB,
  flag      BOOLEAN NOT NULL,
  flag_null BOOLEAN,
  at        DATETIME NOT NULL,
  at_null   TIMESTAMP,
  v         NOT NULL,
  v_null,
  "type"    TEXT,
  "select"  INTEGER,
  "odd ""name"" here" TEXT,
  doubled   INTEGER GENERATED ALWAYS AS (i * 2) VIRTUAL
);

CREATE TABLE nodes (
  id         INTEGER PRIMARY KEY,
  label      TEXT NOT NULL UNIQUE,
  parent_id  INTEGER REFERENCES nodes (id)
);
CREATE INDEX nodes_parent ON nodes (parent_id);

-- migc:allow missing-primary-key
CREATE TABLE events (
  at    DATETIME NOT NULL,
  what  TEXT NOT NULL
);

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE jobs (
  id           INTEGER PRIMARY KEY,
  result       TEXT NOT NULL,
  read_one     TEXT NOT NULL,
  read_all     TEXT NOT NULL,
  scalar_int64 INTEGER NOT NULL,
  execute      INTEGER REFERENCES jobs (id),
  UNIQUE (result, read_one, read_all, scalar_int64)
);
CREATE INDEX jobs_execute ON jobs (execute);

CREATE VIEW kind_summary AS SELECT id, t, flag, doubled FROM kinds;
