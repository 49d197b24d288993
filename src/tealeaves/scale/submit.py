"""Entry point for ``spark-submit``: the same jobs as ``tealeaves extract --engine spark`` and
``tealeaves aggregate``, with the master, executors and paths chosen by spark-submit (docs/spark.md).

    spark-submit --master yarn --archives tealeaves-env.tar.gz#env \\
        --conf spark.pyspark.python=./env/bin/python .../tealeaves/scale/submit.py \\
        extract --input hdfs:///news/export --output hdfs:///news/facts
"""

from __future__ import annotations

import argparse
import json
import sys

from tealeaves.errors import TealeavesError, UsageError


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="tealeaves-submit", description=__doc__)
    sub = p.add_subparsers(dest="job", required=True)
    e = sub.add_parser("extract", help="extract facts from a Parquet export")
    e.add_argument("--input", required=True)
    e.add_argument("--output", required=True)
    e.add_argument("--stage", action="append", default=None, help="only these stages (repeatable)")
    e.add_argument("--partitions", type=int, default=None)
    e.add_argument("--no-aggregates", action="store_true")
    t = sub.add_parser("timeline", help="documents per period mentioning phrases")
    t.add_argument("--input", required=True)
    t.add_argument("--by", default="month")
    t.add_argument("terms", nargs="+")
    args = p.parse_args(argv)
    try:
        _check_installed()
        if args.job == "extract":
            from tealeaves.extract import Pipeline
            from tealeaves.scale.spark import extract_spark

            s = extract_spark(
                args.input,
                args.output,
                Pipeline(args.stage),
                master=None,
                partitions=args.partitions,
                aggregates=not args.no_aggregates,
            )
            print(json.dumps(s.as_dict(), indent=2))
        else:
            from tealeaves.scale.aggregate import spark_timeline

            points = spark_timeline(args.input, args.terms, by=args.by, master=None)
            print(json.dumps([pt.as_dict() for pt in points], indent=2))
    except TealeavesError as err:
        print(f"error: {err}", file=sys.stderr)
        return err.exit_code
    return 0


def _check_installed() -> None:
    """tealeaves reads its domain packs from files: it must be installed, not imported from a zip."""
    from pathlib import Path

    import tealeaves

    if not (Path(tealeaves.__file__).parent / "packs").is_dir():
        raise UsageError(
            f"tealeaves is imported from {tealeaves.__file__}, not from an installed package: its domain "
            "packs are data files read from disk. Ship an environment with tealeaves installed "
            "(venv-pack + --archives, or an image); see docs/spark.md"
        )


if __name__ == "__main__":
    sys.exit(main())
