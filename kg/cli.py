"""The `kg` command: extract, build, install-data."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from tqdm import tqdm

from kg import camel_db
from kg.read import Problem, ReadError, read_inputs
from kg.types import Extraction


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kg", description="Arabic news to a knowledge graph.")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="write the entities and relations of each article as JSON Lines")
    extract.add_argument("inputs", nargs="*", metavar="INPUT", help=".txt, SGML <DOC>, .jsonl, a directory or - (default: the bundled example)")
    extract.add_argument("-o", "--output", type=Path, help="JSON Lines file (default: standard output)")
    build = commands.add_parser("build", help="build the knowledge graph: Turtle, TriG and an offline HTML graph")
    build.add_argument("inputs", nargs="*", metavar="INPUT")
    build.add_argument("-o", "--output", type=Path, default=Path("exports"), help="output folder (default: exports/)")
    install = commands.add_parser("install-data", help="install the CAMeL Tools morphology database")
    install.add_argument("--from", dest="local_copy", type=Path, help="a local morphology-msa-r13.db.gz")
    install.add_argument("--offline", action="store_true", help="do not try CAMeL Tools' own installer")
    args = parser.parse_args(argv)
    try:
        if args.command == "install-data":
            print(camel_db.install(args.local_copy, use_network=not args.offline), file=sys.stderr)
            return 0
        if args.command == "extract":
            return _extract(args.inputs, args.output)
        return _build(args.inputs, args.output)
    except (ReadError, camel_db.MissingDatabase) as err:
        print(f"kg: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130


def _extractions(inputs: list[str], failures: list[Problem]) -> Iterator[Extraction]:
    from kg.pipeline import Pipeline

    pipeline = Pipeline.load()
    show = len(inputs) > 1 or any(Path(name).is_dir() for name in inputs)
    for item in tqdm(read_inputs(inputs), unit=" articles", disable=not show or None, file=sys.stderr):
        if isinstance(item, Problem):
            print(f"kg: skipped {item.reason}", file=sys.stderr)
            failures.append(item)
            continue
        yield pipeline(item)


def _extract(inputs: list[str], output: Path | None) -> int:
    from kg.pipeline import to_record

    failures: list[Problem] = []
    lines = (json.dumps(to_record(x), ensure_ascii=False) + "\n" for x in _extractions(inputs, failures))
    if output is None:
        for line in lines:
            sys.stdout.write(line)
    else:
        _write_atomically(output, lines)
    return 1 if failures else 0


def _build(inputs: list[str], output: Path) -> int:
    from kg.rdf import to_dataset, write_exports
    from kg.viz import write_html

    failures: list[Problem] = []
    dataset = to_dataset(_extractions(inputs, failures))
    output.mkdir(parents=True, exist_ok=True)
    paths = write_exports(dataset, output)
    paths["html"] = write_html(dataset, output / "kg.html")
    articles = sum(1 for _ in dataset.graphs()) - 1
    print(f"kg: {articles} articles, {len(dataset)} triples, {len(failures)} skipped", file=sys.stderr)
    for path in paths.values():
        print(path)
    return 1 if failures else 0


def _write_atomically(path: Path, lines) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.writelines(lines)
        os.replace(partial, path)
    except BaseException:
        os.unlink(partial)
        raise


if __name__ == "__main__":
    sys.exit(main())
