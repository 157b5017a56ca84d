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
4. Compiles tests/fsharp/DemoTest.fs with the demo schema's modules to
   JavaScript (fable-compiler-js) and runs it under node against sql.js;
   it must print "DemoTest OK" last.

usage: fsharp_test.py MIGC SOURCE_ROOT WORK_DIR
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


def install(here, npm_dir):
    """npm ci into npm_dir unless the same lock file is installed there."""
    if shutil.which('node') is None or shutil.which('npm') is None:
        log('SKIP: node and npm are needed (apt-get install nodejs npm)')
        sys.exit(SKIP)
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
            log('SKIP: npm ci did not finish in 300 s; is the npm registry reachable?')
            sys.exit(SKIP)
        if r.returncode != 0:
            try:
                ping = run(['npm', 'ping'], cwd=npm_dir, timeout=60)
                reachable = ping.returncode == 0
            except subprocess.TimeoutExpired:
                reachable = False
            if not reachable:
                log('SKIP: the npm registry is unreachable:\n' + r.stdout[-2000:])
                sys.exit(SKIP)
            log('FAIL: npm ci failed:\n' + r.stdout[-4000:])
            sys.exit(1)
        stamp.write_text(digest)
        log(f'npm ci: {time.monotonic() - started:.1f} s')
    for f in (here / 'harness').glob('*.mjs'):
        shutil.copy(f, npm_dir)


def schemas(migc, fixtures):
    """(id, [files]) of every fixture schema `migc check` accepts."""
    candidates = []
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


def main():
    migc, source_root, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    here = source_root / 'tests' / 'fsharp'
    fixtures = source_root / 'fixtures'
    started = time.monotonic()
    npm_dir = work / 'npm'
    install(here, npm_dir)

    gen = work / 'gen'
    shutil.rmtree(gen, ignore_errors=True)
    found = schemas(migc, fixtures)
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
    failures = 0
    for r in results:
        # Messages run over several lines: on a failure, show them whole.
        bad = [line for line in r.stdout.splitlines()
               if ': Error: ' in line or (': Warning: ' in line and line.startswith(str(gen)))]
        if bad or r.returncode != 0:
            log(r.stdout[-20000:])
            failures += max(1, len(bad))
        else:
            log('\n'.join(line for line in r.stdout.splitlines() if line.startswith(('project ', 'checked '))))
    log(f'type check: {"FAIL" if failures else "ok"} ({time.monotonic() - started:.1f} s)')

    failures += demo(migc, here, fixtures, npm_dir, work)
    log(f'{time.monotonic() - started:.1f} s in all')
    print(f'fsharp: {1 if failures == 0 else 0} passed, {1 if failures else 0} failed')
    return 1 if failures else 0


def demo(migc, here, fixtures, npm_dir, work):
    """Compiles DemoTest.fs with the demo's modules to JavaScript and runs it."""
    out = work / 'demo'
    shutil.rmtree(out, ignore_errors=True)
    files = sorted((fixtures / 'demo').glob('*.sql'))
    modules = generate(migc, 'demo', files, out, rename=False)
    r = run([migc, 'compile', *map(str, files)], timeout=120)
    if r.returncode != 0:
        log('FAIL: migc compile of the demo failed:\n' + r.stdout)
        return 1
    (out / 'schema.sql').write_text(r.stdout)
    sources = [here / 'shim' / 'MicrosoftDataSqlite.fs', here / 'shim' / 'FsToolkitErrorHandling.fs', *modules,
               here / 'DemoTest.fs']
    project = out / 'DemoTest.fsproj'
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
        log('FAIL: DemoTest did not compile:\n' + '\n'.join(problems or [r.stdout[-4000:]]))
        return 1
    (js / 'package.json').write_text('{"type": "module"}\n')
    program = next(js.rglob('DemoTest.js'))
    r = run(['node', str(npm_dir / 'run.mjs'), str(program), str(out / 'schema.sql')], timeout=300)
    log(r.stdout.rstrip())
    lines = r.stdout.strip().splitlines()
    if r.returncode != 0 or not lines or lines[-1] != 'DemoTest OK':
        log(f'FAIL: DemoTest exited {r.returncode} without its final OK line')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
