-- The table the bindings benchmark inserts into and reads back: a rowid
-- table with the usual mix of column shapes (the rowid alias, required text
-- and integer, nullable real and text).
CREATE TABLE items (
  id     INTEGER PRIMARY KEY,
  name   TEXT NOT NULL,
  qty    INTEGER NOT NULL,
  price  REAL,
  note   TEXT
);
