#!/usr/bin/python3
"""Validates catalogs against resources/catalog/catalog.schema.json (JSON Schema 2020-12),
and checks that the schema rejects what the loader rejects for a few typical mistakes."""
import copy
import json
import sys

import jsonschema

schema_path, *catalog_paths = sys.argv[1:]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

failures = 0
for path in catalog_paths:
    with open(path, encoding="utf-8") as f:
        catalog = json.load(f)
    errors = list(validator.iter_errors(catalog))
    for e in errors:
        print(f"{path}: {e.json_path}: {e.message}")
    failures += len(errors)
    print(f"{path}: {'valid' if not errors else 'INVALID'}")

    mutations = {
        "port out of range": lambda c: c["flows"][0]["ports"][0].update(port=70000),
        "unknown field": lambda c: c["flows"][0].update(colour="red"),
        "missing Japanese": lambda c: c["title"].pop("ja"),
        "bad transport": lambda c: c["flows"][0]["ports"][0].update(transport="sctp"),
        "stored direction": lambda c: c["flows"][0].update(direction="inbound"),
        "unknown feature": lambda c: c["flows"][0].update(features=["telepathy"]),
        "overlong text": lambda c: c["flows"][0]["description"].update(en="x" * 4001),
    }
    for name, mutate in mutations.items():
        broken = copy.deepcopy(catalog)
        mutate(broken)
        if validator.is_valid(broken):
            print(f"{path}: the schema accepts a catalog with {name}")
            failures += 1

print(f"{len(catalog_paths) * 8 - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
