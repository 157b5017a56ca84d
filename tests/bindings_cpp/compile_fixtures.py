#!/usr/bin/env python3
"""Every schema fixture through the C++ back end, and the result through both
compilers.

Generates bindings with `migc gen cpp` for each schema among the fixtures
(fixtures/passes: each file and each folder, skipped when `migc check`
reports errors, as many of them mean to; fixtures/ordering: each file;
fixtures/migrate: each from.sql, and each folder's to*.sql as one schema;
fixtures/demo and fixtures/bindings: each folder as one schema), each in a
namespace of its own, then compiles translation units that each include many
generated sources with g++ and clang++ (-std=c++20 -Wall -Wextra -Wpedantic
-Werror), on every core.

Fails when a schema that migc accepts does not generate, or when anything
generated does not compile. A virtual table of a module migc does not know
(E0601) is left out with --exclude, as its message says to.

usage: compile_fixtures.py MIGC FIXTURES_DIR BINDINGS_INCLUDE_DIR [--keep DIR]
"""

import argparse
import concurrent.futures
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

COMPILERS = ["g++", "clang++"]
SCHEMAS_PER_UNIT = 60
FLAGS = ["-std=c++20", "-Wall", "-Wextra", "-Wpedantic", "-Werror", "-fsyntax-only"]


def sql_files(folder):
    return sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".sql"))


def schemas(fixtures):
    """(label, files, may_have_errors) for every schema among the fixtures."""
    out = []
    passes = os.path.join(fixtures, "passes")
    for name in sorted(os.listdir(passes)):
        path = os.path.join(passes, name)
        if name.endswith(".sql"):
            out.append((f"passes/{name}", [path], True))
        elif os.path.isdir(path):
            out.append((f"passes/{name}/", sql_files(path), True))
    for path in sql_files(os.path.join(fixtures, "ordering")):
        out.append((os.path.relpath(path, fixtures), [path], False))
    migrate = os.path.join(fixtures, "migrate")
    for name in sorted(os.listdir(migrate)):
        folder = os.path.join(migrate, name)
        if not os.path.isdir(folder):
            continue
        if os.path.exists(os.path.join(folder, "from.sql")):
            out.append((f"migrate/{name}/from.sql", [os.path.join(folder, "from.sql")], False))
        to = [f for f in sql_files(folder) if os.path.basename(f).startswith("to")]
        if to:
            out.append((f"migrate/{name}/to*.sql", to, False))
    for name in ["demo", "bindings"]:
        out.append((f"{name}/", sql_files(os.path.join(fixtures, name)), False))
    return out


def run(args):
    return subprocess.run(args, capture_output=True, text=True, check=False)


def generate(migc, label, files, may_have_errors, out_dir, index):
    """Generates into out_dir; returns (status, message), status one of
    'ok', 'skipped', 'failed'."""
    base = [migc, "gen", "cpp", *files, "-o", out_dir, "--namespace", f"fixture_{index}", "--name", f"s{index}"]
    excludes = []
    for _ in range(8):
        p = run(base + [a for e in excludes for a in ("--exclude", e)])
        if p.returncode == 0:
            return "ok", ""
        unknown = re.findall(r"leave it out with --exclude (\S+)", p.stderr)
        errors = re.findall(r"\[(E\d{4})\]", p.stderr)
        if unknown and set(errors) == {"E0601"}:
            excludes += unknown
            continue
        break
    if may_have_errors and run([migc, "check", *files]).returncode == 1:
        return "skipped", ""
    return "failed", f"{label}: migc gen cpp exited with {p.returncode}\n{p.stderr}"


def compile_all(compiler, unit, include_dir):
    return run([compiler, *FLAGS, "-I", include_dir, unit])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("migc")
    parser.add_argument("fixtures")
    parser.add_argument("include_dir")
    parser.add_argument("--keep", help="generate into this directory and keep it")
    parser.add_argument("--generate-only", action="store_true",
                        help="stop after generating (a sanitizer build of migc: the compilers gain nothing from it)")
    a = parser.parse_args()

    work = a.keep or tempfile.mkdtemp(prefix="migc-bindings-")
    os.makedirs(work, exist_ok=True)
    try:
        # Many migration fixtures share a schema: each distinct one once.
        seen = set()
        jobs = []
        for label, files, may_have_errors in schemas(a.fixtures):
            digest = hashlib.sha256(b"\0".join(open(f, "rb").read() for f in files)).hexdigest()
            if digest in seen:
                continue
            seen.add(digest)
            jobs.append((label, files, may_have_errors))

        results = []
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            futures = [
                pool.submit(generate, a.migc, label, files, errs, os.path.join(work, str(i)), i)
                for i, (label, files, errs) in enumerate(jobs)
            ]
            results = [f.result() for f in futures]

        failed = [m for s, m in results if s == "failed"]
        generated = [i for i, (s, _) in enumerate(results) if s == "ok"]
        skipped = sum(1 for s, _ in results if s == "skipped")
        for m in failed:
            print(m, file=sys.stderr)
        print(f"{len(generated)} schemas generated, {skipped} skipped (migc check reports errors), "
              f"{len(failed)} failed")
        if failed or len(generated) < 100:
            return 1
        if a.generate_only:
            return 0

        # A few translation units rather than one: each compiler's memory
        # stays small, and the units share the cores.
        units = []
        for start in range(0, len(generated), SCHEMAS_PER_UNIT):
            unit = os.path.join(work, f"unit{len(units)}.cpp")
            with open(unit, "w") as f:
                f.write("// Generated sources of compile_fixtures.py, in one translation unit.\n")
                for i in generated[start:start + SCHEMAS_PER_UNIT]:
                    f.write(f'#include "{os.path.join(work, str(i), f"s{i}.cpp")}"\n')
            units.append(unit)
        tasks = [(c, u) for c in COMPILERS for u in units]
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            outcomes = list(pool.map(lambda t: (t[0], compile_all(t[0], t[1], a.include_dir)), tasks))
        status = 0
        for compiler, p in outcomes:
            if p.returncode != 0:
                print(f"{compiler} failed on the generated code:\n{p.stderr[:20000]}", file=sys.stderr)
                status = 1
        if status == 0:
            print(f"{' and '.join(COMPILERS)}: all {len(generated)} compile without warnings "
                  f"({len(units)} translation units each)")
        return status
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
