// Type-checks many F# projects with one F# compiler instance: Fable's
// standalone compiler (the F# compiler service compiled to JavaScript)
// checks each project's files, in order, against .NET's reference
// assemblies as fable-compiler-js does, without its start-up cost per
// project.
//
// usage: node check.mjs PROJECTS.json
//   PROJECTS.json: [{"name": "...", "files": ["/abs/A.fs", ...]}, ...]
// Prints every error and warning as "File.fs (line,col): Error: message",
// then "checked N projects, E errors, W warnings"; exits 1 when any
// project has an error, 0 otherwise.
import 'fable-standalone';
import { getAssembliesDir } from 'fable-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';

// The assemblies fable-compiler-js 3.3.0 references (its coreAssemblies).
const references = [
  'Fable.Core', 'FSharp.Core', 'mscorlib', 'netstandard', 'System.Collections',
  'System.Collections.Concurrent', 'System.ComponentModel', 'System.ComponentModel.Primitives',
  'System.ComponentModel.TypeConverter', 'System.Console', 'System.Core', 'System.Diagnostics.Debug',
  'System.Diagnostics.Tools', 'System.Diagnostics.Tracing', 'System.Globalization', 'System', 'System.IO',
  'System.Net.Requests', 'System.Net.WebClient', 'System.Numerics', 'System.Reflection',
  'System.Reflection.Extensions', 'System.Reflection.Metadata', 'System.Reflection.Primitives',
  'System.Reflection.TypeExtensions', 'System.Runtime', 'System.Runtime.Extensions', 'System.Runtime.Numerics',
  'System.Runtime.InteropServices', 'System.Text.Encoding', 'System.Text.Encoding.Extensions',
  'System.Text.RegularExpressions', 'System.Threading', 'System.Threading.Tasks', 'System.Threading.Thread',
  'System.ValueTuple',
];
const metadata = getAssembliesDir().replace(/[\\/]$/, '') + '/';
const options = ['--define:FABLE_COMPILER', '--define:FABLE_COMPILER_4', '--define:FABLE_COMPILER_JAVASCRIPT',
  '--optimize-'];

const projects = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const fable = globalThis.__FABLE_STANDALONE__.init();
const checker = fable.CreateChecker(references, (name) => fs.readFileSync(metadata + name), options);

let errors = 0, warnings = 0, failed = 0;
for (const project of projects) {
  const started = Date.now();
  const sources = project.files.map((f) => fs.readFileSync(f, 'utf8').replace(/^\uFEFF/, ''));
  const projFile = path.join(path.dirname(project.files[project.files.length - 1]), project.name + '.fsproj');
  const result = fable.ParseAndCheckProject(checker, projFile, project.files, sources);
  let projectErrors = 0;
  for (const e of result.Errors) {
    const kind = e.IsWarning ? 'Warning' : 'Error';
    if (e.IsWarning) warnings++; else { errors++; projectErrors++; }
    console.log(`${e.FileName} (${e.StartLine},${e.StartColumn}): ${kind}: ${e.Message}`);
  }
  if (projectErrors > 0) failed++;
  console.log(`project ${project.name}: ${project.files.length} files, ${projectErrors} errors, ${Date.now() - started} ms`);
  fable.ClearCache(checker);
}
console.log(`checked ${projects.length} projects, ${errors} errors, ${warnings} warnings`);
process.exit(failed > 0 ? 1 : 0);
