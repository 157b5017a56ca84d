// Runs a program that Fable compiled from F# against the shim of
// Microsoft.Data.Sqlite (tests/fsharp/shim): loads sql.js, makes its errors
// carry SQLite's result code (sql.js throws a bare Error with the message
// only), and hands it to the shim through globalThis.__MIGC_SQLJS__; the
// text of SCHEMA.sql, if given, goes to globalThis.__MIGC_SCHEMA__.
// usage: node run.mjs PROGRAM.js [SCHEMA.sql]
import initSqlJs from 'sql.js';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const SQL = await initSqlJs();
const handleError = SQL.Database.prototype.handleError;
SQL.Database.prototype.handleError = function (code) {
  try {
    return handleError.call(this, code);
  } catch (e) {
    if (e instanceof Error) e.sqliteCode = code;
    throw e;
  }
};
globalThis.__MIGC_SQLJS__ = SQL;
if (process.argv[3]) globalThis.__MIGC_SCHEMA__ = readFileSync(process.argv[3], 'utf8');
await import(pathToFileURL(process.argv[2]).href);
