#!/usr/bin/python3
"""Validates connectivity reports against docs/schema/report.schema.json (JSON Schema 2020-12).
Usage: checkreport.py SCHEMA REPORT...; prints each error with where it is, exits 1 on any."""
import json
import sys

import jsonschema

schema_path, *report_paths = sys.argv[1:]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failures = 0
for path in report_paths:
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    errors = list(validator.iter_errors(report))
    for e in errors:
        print(f"{path}: {e.json_path}: {e.message}")
    failures += len(errors)
    print(f"{path}: {'valid' if not errors else 'INVALID'}")
sys.exit(1 if failures else 0)
