#!/usr/bin/python3
# Parses every rule line of a Suricata rules file with suricata-update's parser (Debian's
# suricata-update; bookworm has no suricata engine for "suricata -T") and prints one JSON object
# per line: the parsed fields, or {"line": N, "error": ...} for a line the parser rejects.
import json
import sys

from suricata.update import rule

with open(sys.argv[1], encoding="utf-8") as f:
    for number, line in enumerate(f, 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        parsed = rule.parse(line)
        if parsed is None:
            print(json.dumps({"line": number, "error": "not a rule", "text": line[:200]}))
            continue
        print(json.dumps({"line": number, "action": parsed["action"], "proto": parsed["proto"],
                          "dest_port": parsed["dest_port"], "sid": parsed["sid"], "msg": parsed["msg"],
                          "direction": parsed["direction"]}))
