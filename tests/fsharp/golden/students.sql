-- The golden of the F# back end: `migc gen fsharp students.sql --project
-- Golden` must print Students.fs and Golden.fsproj beside this file byte for
-- byte (apart from the migc-input-hash value, which follows migc's
-- version). MIGC_UPDATE_GOLDENS=1 rewrites them for review.
CREATE TABLE courses (
  id     INTEGER PRIMARY KEY,
  code   TEXT NOT NULL UNIQUE,
  title  TEXT NOT NULL
);

CREATE TABLE students (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL,
  email            TEXT UNIQUE,
  enrollment_date  DATETIME NOT NULL,
  course_id        INTEGER REFERENCES courses (id)
);
CREATE INDEX students_course ON students (course_id);
