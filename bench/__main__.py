"""``python -m bench``: Dekanat against the bare libraries on this machine, one table.

    python -m bench                 full sizes (20,000 students ...), median of 7 runs; exits 1 on a miss
    python -m bench --quick         small sizes, 3 runs: proves the harness works (CI); always exits 0
    python -m bench --json FILE     also writes the table as JSON
    python -m bench -k export       only the cases whose name contains "export"

Every case runs once as a warm-up (imports, fonts, caches, the start-of-day backup) and then
alternates with its floor. The data is built in a temporary folder and removed afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FULL = {"students": 20000, "import_rows": 10000, "plan_items": 300, "exams": 5000, "results": 120000}
QUICK = {"students": 2000, "import_rows": 1000, "plan_items": 120, "exams": 500, "results": 12000}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes and 3 runs; report misses but exit 0")
    parser.add_argument("--json", metavar="FILE", help="write the results as JSON")
    parser.add_argument("--runs", type=int, help="measured runs per case (default 7, --quick 3)")
    parser.add_argument("-k", metavar="TEXT", help="only the cases whose name contains TEXT")
    args = parser.parse_args(argv)

    from bench import cases
    from bench.core import Env, run_case, table

    sizes = dict(QUICK if args.quick else FULL)
    runs = args.runs or (3 if args.quick else 7)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="dekanat-bench-") as folder:
        tmp = Path(folder)
        # The window's per-user settings and backups go to the temporary folder, not the user's.
        os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
        os.environ["DEKANAT_DATA_DIR"] = str(tmp / "data")
        env = Env(tmp=tmp, quick=args.quick, sizes=sizes)
        modules = cases.modules()
        print(f"building the data: {sizes}", file=sys.stderr)
        for module in modules:
            if hasattr(module, "prepare"):
                module.prepare(env)
        results = []
        for module in modules:
            for case in module.CASES:
                case.name = case.name.format(**sizes)
                if args.k and args.k.lower() not in case.name.lower():
                    continue
                print(f"measuring: {case.name}", file=sys.stderr)
                results.append(run_case(case, env, runs))
        if "db" in env.made:
            env.made["db"].dispose()
    print(table(results))
    failed = [r.name for r in results if not r.passed]
    print(f"{len(results) - len(failed)} of {len(results)} targets met; {runs} runs each after a warm-up; "
          f"{time.perf_counter() - started:.0f} s"
          + (" (quick mode: small sizes, misses do not fail)" if args.quick else ""))
    if args.json:
        Path(args.json).write_text(json.dumps({"quick": args.quick, "sizes": sizes, "runs": runs,
                                               "results": [r.as_dict() for r in results]},
                                              ensure_ascii=False, indent=2), encoding="utf-8")
    return 0 if args.quick or not failed else 1


if __name__ == "__main__":
    sys.exit(main())
