"""Regenerate the generated part of docs/schema.md from framelens.schema and the registered span kinds.

    python docs/gen_schema.py          # rewrite docs/schema.md in place
    python docs/gen_schema.py --check  # exit 1 when docs/schema.md is out of date (the test suite runs this)
"""

from __future__ import annotations

import sys
from pathlib import Path

BEGIN = "<!-- BEGIN GENERATED: docs/gen_schema.py from framelens.schema and the span-kind registry; do not edit -->"
END = "<!-- END GENERATED -->"
DOC = Path(__file__).resolve().parent / "schema.md"


def render(current: str) -> str:
    from framelens.extract.registry import DEFAULT_EXTRACTORS, kind_specs
    from framelens.schema import schema_markdown

    head, _, rest = current.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return head + BEGIN + "\n\n" + schema_markdown(kind_specs(DEFAULT_EXTRACTORS)) + "\n" + END + tail


def main(argv: list[str]) -> int:
    current = DOC.read_text(encoding="utf-8")
    if BEGIN not in current or END not in current:
        print(f"{DOC}: the generated-section markers are missing", file=sys.stderr)
        return 1
    new = render(current)
    if "--check" in argv:
        if new != current:
            print(f"{DOC} is out of date: run python docs/gen_schema.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
