#!/usr/bin/env python3
"""The F# back end, compiled and run: no .NET SDK is needed.

1. Installs the pinned npm packages of tests/fsharp/package-lock.json into
   WORK/npm (npm ci; again only when the lock file changes): Fable's F#
   compiler in JavaScript, and sql.js (SQLite in WebAssembly). Exits 77
   (skipped) when node or npm is missing or the npm registry is unreachable.
2. Generates F# with `migc gen fsharp` for every fixture schema that
   compiles (`migc check` exits 0): each fixtures/passes/*.sql on its own,
   each fixtures/passes/ folder, fixtures/ordering/*.sql, each
   fixtures/migrate/*/to.sql, fixtures/demo/*.sql together and
   fixtures/bindings/*.sql together. Each schema's files are copied under
   names unique to it first, so that all modules fit in one F# project.
3. Type-checks every generated module against the shim of
   Microsoft.Data.Sqlite and FsToolkit.ErrorHandling (tests/fsharp/shim),
   in the order of each schema's .fsproj, with one F# compiler instance
   (harness/check.mjs) for two halves in parallel. Any error fails, and so
   does any warning in generated code.
4. Compiles tests/fsharp/DemoTest.fs with the demo schema's modules, and
   TypesTest.fs with those of types.sql, to JavaScript (fable-compiler-js)
   and runs each under node against sql.js; each must print its OK line
   last.

Before all that, what needs no npm: the golden (golden/students.sql gives
golden/Students.fs and golden/Golden.fsproj byte for byte; MIGC_UPDATE_GOLDENS=1
rewrites them), the same bytes whichever way the inputs are named, E0603 for
schema files whose foreign keys form a cycle, W0604 for colliding names.

With --generate-only (the sanitizer build), only what exercises migc runs:
the checks above and the generation of every schema; Fable and node, which
no sanitizer watches, are left to the plain build.

usage: fsharp_test.py MIGC SOURCE_ROOT WORK_DIR [--generate-only]
"""

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

SKIP = 77


def log(message):
    print(message, flush=True)


def run(cmd, cwd=None, timeout=600, env=None):
    return subprocess.run(cmd, cwd=cwd, timeout=timeout, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True)


class Skip(Exception):
    pass


def install(here, npm_dir):
    """npm ci into npm_dir unless the same lock file is installed there;
    raises Skip when that cannot be done for want of node, npm or the
    registry."""
    if shutil.which('node') is None or shutil.which('npm') is None:
        raise Skip('node and npm are needed (apt-get install nodejs npm)')
    lock = (here / 'package-lock.json').read_bytes()
    stamp = npm_dir / 'installed.sha256'
    digest = hashlib.sha256(lock + (here / 'package.json').read_bytes()).hexdigest()
    if not (stamp.exists() and stamp.read_text() == digest and (npm_dir / 'node_modules').is_dir()):
        npm_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy(here / 'package.json', npm_dir)
        shutil.copy(here / 'package-lock.json', npm_dir)
        started = time.monotonic()
        try:
            r = run(['npm', 'ci', '--no-audit', '--no-fund', '--ignore-scripts'], cwd=npm_dir, timeout=300)
        except subprocess.TimeoutExpired:
            raise Skip('npm ci did not finish in 300 s; is the npm registry reachable?')
        if r.returncode != 0:
            try:
                ping = run(['npm', 'ping'], cwd=npm_dir, timeout=60)
                reachable = ping.returncode == 0
            except subprocess.TimeoutExpired:
                reachable = False
            if not reachable:
                raise Skip('the npm registry is unreachable:\n' + r.stdout[-2000:])
            raise RuntimeError('npm ci failed:\n' + r.stdout[-4000:])
        stamp.write_text(digest)
        log(f'npm ci: {time.monotonic() - started:.1f} s')
    for f in (here / 'harness').glob('*.mjs'):
        shutil.copy(f, npm_dir)


def schemas(migc, fixtures, here):
    """(id, [files]) of every fixture schema `migc check` accepts."""
    candidates = [('golden', [here / 'golden' / 'students.sql']), ('types', [here / 'types.sql'])]
    passes = fixtures / 'passes'
    for f in sorted(passes.glob('*.sql')):
        candidates.append(('p_' + f.stem, [f]))
    for d in sorted(p for p in passes.iterdir() if p.is_dir()):
        candidates.append(('pd_' + d.name, sorted(d.glob('*.sql'))))
    for f in sorted((fixtures / 'ordering').glob('*.sql')):
        candidates.append(('o_' + f.stem, [f]))
    for d in sorted(p for p in (fixtures / 'migrate').iterdir() if (p / 'to.sql').is_file()):
        candidates.append(('m_' + d.name, [d / 'to.sql']))
    candidates.append(('demo', sorted((fixtures / 'demo').glob('*.sql'))))
    if (fixtures / 'bindings').is_dir():
        candidates.append(('bindings', sorted((fixtures / 'bindings').glob('*.sql'))))

    def accepted(candidate):
        return run([migc, 'check', *map(str, candidate[1])], timeout=120).returncode == 0

    with ThreadPoolExecutor(max_workers=4) as pool:
        keep = list(pool.map(accepted, candidates))
    return [c for c, k in zip(candidates, keep) if k and c[1]]


def compile_order(fsproj):
    return re.findall(r'<Compile Include="([^"]+)"', fsproj.read_text())


def generate(migc, schema_id, files, out, rename):
    """Runs migc gen fsharp; returns the generated modules in compile order."""
    src = out / 'src'
    src.mkdir(parents=True, exist_ok=True)
    inputs = []
    for f in files:
        # A name of this schema's own: "to.sql" in every migration folder
        # would otherwise give every one a module "To".
        name = f'{schema_id}_{f.name}' if rename else f.name
        if rename and len(files) == 1:
            name = f'{schema_id}.sql'
        shutil.copy(f, src / name)
        inputs.append(src / name)
    r = run([migc, 'gen', 'fsharp', *map(str, inputs), '-o', str(out / 'fs'), '--project', 'Generated'], timeout=120)
    if r.returncode != 0:
        raise RuntimeError(f'migc gen fsharp failed for {schema_id}:\n{r.stdout}')
    return [out / 'fs' / name for name in compile_order(out / 'fs' / 'Generated.fsproj')]


def check_projects(npm_dir, projects, work, label):
    spec = work / f'{label}.json'
    spec.write_text(json.dumps(projects))
    return run(['node', '--stack-size=8000', str(npm_dir / 'check.mjs'), str(spec)], timeout=600)


HASH = re.compile(r'migc-input-hash: [0-9a-f]+')


def golden(migc, here, work):
    """golden/students.sql must give the files beside it."""
    out = work / 'golden'
    shutil.rmtree(out, ignore_errors=True)
    r = run([migc, 'gen', 'fsharp', str(here / 'golden' / 'students.sql'), '-o', str(out), '--project', 'Golden'])
    if r.returncode != 0:
        log(r.stdout)
        return False
    ok = True
    for f in sorted(out.iterdir()):
        expected = here / 'golden' / f.name
        if os.environ.get('MIGC_UPDATE_GOLDENS') == '1':
            shutil.copy(f, expected)
            log(f'rewrote {expected}')
        elif not expected.exists() or HASH.sub('', expected.read_text()) != HASH.sub('', f.read_text()):
            log(f'{f.name} differs from {expected}:')
            log(run(['diff', '-u', str(expected), str(f)]).stdout[:4000])
            ok = False
    return ok


def deterministic(migc, fixtures, work):
    """The same bytes from absolute and relative input paths, twice."""
    files = sorted((fixtures / 'demo').glob('*.sql'))
    outs = []
    for i, inputs in enumerate([[str(f) for f in files], [os.path.relpath(f, work) for f in files]] * 2):
        out = work / f'same{i}'
        shutil.rmtree(out, ignore_errors=True)
        if run([migc, 'gen', 'fsharp', *inputs, '-o', str(out)], cwd=work).returncode != 0:
            return False
        outs.append({f.name: f.read_bytes() for f in out.iterdir()})
    return all(o == outs[0] for o in outs) and len(outs[0]) == 4


def module_cycle(migc, work):
    """Files whose foreign keys form a cycle: E0603, exit 1, nothing written."""
    d = work / 'cycle'
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    (d / 'a.sql').write_text('CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES b (id));\n'
                             'CREATE INDEX a_b ON a (b_id);\n')
    (d / 'b.sql').write_text('CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id));\n'
                             'CREATE INDEX b_a ON b (a_id);\n')
    r = run([migc, 'gen', 'fsharp', str(d / 'a.sql'), str(d / 'b.sql'), '-o', str(d / 'out')])
    ok = r.returncode == 1 and '[E0603]' in r.stdout and "'a.sql' -> 'b.sql' -> 'a.sql'" in r.stdout
    ok = ok and (not (d / 'out').exists() or not any((d / 'out').iterdir()))
    if not ok:
        log(f'exit {r.returncode}:\n{r.stdout}')
    return ok


def name_collision(migc, work):
    """Columns user_id and "UserId" both want UserId: W0604, UserId2."""
    d = work / 'collision'
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    (d / 't.sql').write_text('CREATE TABLE t (id INTEGER PRIMARY KEY, user_id INTEGER, "UserId" TEXT, "type" TEXT);\n')
    r = run([migc, 'gen', 'fsharp', str(d / 't.sql'), '-o', str(d / 'out')])
    text = (d / 'out' / 'T.fs').read_text() if (d / 'out' / 'T.fs').exists() else ''
    ok = (r.returncode == 0 and '[W0604]' in r.stdout and 'UserId2: string option' in text and
          'Type: string option' in text)
    if not ok:
        log(f'exit {r.returncode}:\n{r.stdout}')
    return ok


def type_check(migc, here, fixtures, npm_dir, work, started):
    """Every fixture schema's generated F# checked against the shim."""
    gen = work / 'gen'
    shutil.rmtree(gen, ignore_errors=True)
    found = schemas(migc, fixtures, here)
    shim = [str(here / 'shim' / 'MicrosoftDataSqlite.fs'), str(here / 'shim' / 'FsToolkitErrorHandling.fs')]
    modules = []
    for schema_id, files in found:
        modules += [str(m) for m in generate(migc, schema_id, files, gen / schema_id, rename=True)]
    log(f'{len(found)} schemas, {len(modules)} generated modules ({time.monotonic() - started:.1f} s)')

    # Two projects of about equal size, checked in parallel; a schema's
    # modules stay together and in order.
    half = len(modules) // 2
    by_schema = {}
    for m in modules:
        by_schema.setdefault(Path(m).parent.parent.name, []).append(m)
    first, second, size = [], [], 0
    for schema_id, ms in by_schema.items():
        (first if size < half else second).extend(ms)
        size += len(ms)
    projects = [[{'name': 'first', 'files': shim + first}], [{'name': 'second', 'files': shim + second}]]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda i: check_projects(npm_dir, projects[i], work, f'check{i}'), range(2)))
    ok = True
    for r in results:
        # Messages run over several lines: on a failure, show them whole.
        bad = [line for line in r.stdout.splitlines()
               if ': Error: ' in line or (': Warning: ' in line and line.startswith(str(gen)))]
        if bad or r.returncode != 0:
            log(r.stdout[-20000:])
            ok = False
        else:
            log('\n'.join(line for line in r.stdout.splitlines() if line.startswith(('project ', 'checked '))))
    return ok


def main():
    migc, source_root, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    here = source_root / 'tests' / 'fsharp'
    fixtures = source_root / 'fixtures'
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    results = []

    def check(name, ok):
        results.append(ok)
        log(f'{"ok" if ok else "FAIL"}: {name} ({time.monotonic() - started:.1f} s)')

    check('golden', golden(migc, here, work))
    check('same bytes for the same inputs', deterministic(migc, fixtures, work))
    check('E0603 for a cycle of files', module_cycle(migc, work))
    check('W0604 for colliding names', name_collision(migc, work))
    if '--generate-only' in sys.argv[4:]:
        gen = work / 'gen'
        shutil.rmtree(gen, ignore_errors=True)
        found = schemas(migc, fixtures, here)
        count = sum(len(generate(migc, schema_id, files, gen / schema_id, rename=True)) for schema_id, files in found)
        check(f'{count} modules generated from {len(found)} schemas', count > 0)
        passed = sum(results)
        print(f'fsharp: {passed} passed, {len(results) - passed} failed')
        return 0 if passed == len(results) else 1
    npm_dir = work / 'npm'
    try:
        install(here, npm_dir)
    except Skip as why:
        log(f'SKIP: {why}')
        return 1 if not all(results) else SKIP
    check('generated F# of every fixture type-checks', type_check(migc, here, fixtures, npm_dir, work, started))
    demo = sorted((fixtures / 'demo').glob('*.sql'))
    check('DemoTest', program(migc, here, demo, here / 'DemoTest.fs', npm_dir, work))
    check('TypesTest', program(migc, here, [here / 'types.sql'], here / 'TypesTest.fs', npm_dir, work))
    passed = sum(results)
    print(f'fsharp: {passed} passed, {len(results) - passed} failed')
    return 0 if passed == len(results) else 1


def program(migc, here, files, test_fs, npm_dir, work):
    """Compiles `test_fs` with the modules generated from `files` (under
    their own names) to JavaScript, runs it against the schema loaded by
    `migc compile`, and requires its last line to be "<Module> OK"."""
    name = test_fs.stem
    out = work / name
    shutil.rmtree(out, ignore_errors=True)
    modules = generate(migc, name, files, out, rename=False)
    r = run([migc, 'compile', *map(str, files)], timeout=120)
    if r.returncode != 0:
        log('migc compile failed:\n' + r.stdout)
        return False
    (out / 'schema.sql').write_text(r.stdout)
    sources = [here / 'shim' / 'MicrosoftDataSqlite.fs', here / 'shim' / 'FsToolkitErrorHandling.fs', *modules, test_fs]
    project = out / f'{name}.fsproj'
    items = '\n'.join(f'    <Compile Include="{s}" />' for s in sources)
    project.write_text('<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n'
                       '    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n'
                       f'  <ItemGroup>\n{items}\n  </ItemGroup>\n</Project>\n')
    js = out / 'js'
    r = run(['node', '--stack-size=8000', '--import', str(npm_dir / 'register.mjs'),
             str(npm_dir / 'node_modules' / 'fable-compiler-js' / 'index.js'), str(project), str(js)], timeout=600)
    # fable-compiler-js exits 0 even when compilation fails: read its output.
    problems = [line for line in r.stdout.splitlines() if ': Error: ' in line or line.startswith('[ERROR]')
                or ': Warning: ' in line and str(out) in line]
    if problems or r.returncode != 0:
        log(f'{name} did not compile:\n' + r.stdout[-20000:])
        return False
    (js / 'package.json').write_text('{"type": "module"}\n')
    compiled = next(js.rglob(f'{name}.js'))
    r = run(['node', str(npm_dir / 'run.mjs'), str(compiled), str(out / 'schema.sql')], timeout=300)
    log(r.stdout.rstrip())
    lines = r.stdout.strip().splitlines()
    if r.returncode != 0 or not lines or lines[-1] != f'{name} OK':
        log(f'{name} exited {r.returncode} without its final OK line')
        return False
    return True


if __name__ == '__main__':
    sys.exit(main())
