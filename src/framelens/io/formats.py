"""The file extensions framelens reads, by format."""

from __future__ import annotations

__all__ = ["TEXT_EXT", "HTML_EXT", "JSONL_EXT", "JSON_EXT", "CSV_EXT", "EXTENSIONS"]

TEXT_EXT = (".txt", ".md", ".markdown", ".text")
HTML_EXT = (".html", ".htm", ".xhtml")
JSONL_EXT = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
JSON_EXT = (".json",)
CSV_EXT = (".csv", ".tsv", ".csv.gz", ".tsv.gz")
#: Every file extension framelens reads.
EXTENSIONS = TEXT_EXT + HTML_EXT + JSONL_EXT + JSON_EXT + CSV_EXT
