#!/usr/bin/env python3
"""Converts a Portolan catalog from schema version 1 (entries as the page's tables list them) to
version 2 (flows). Usage: convert-catalog-v1.py OLD.json [NEW.json]   (default: rewrite in place)

Each v1 entry becomes one flow with the same id (initiators = sources, listener = destination),
its endpoints one endpoint list, and its table one row of that table. The stored direction is
dropped (version 2 computes it per role); "local" entries become flows with "networkRule": false.
A v1 catalog that states one network flow in several entries yields several flows: merge them by
hand into one flow with several provenance rows (see resources/catalog/FORMAT.md)."""
import collections
import json
import sys


def convert(old):
    if old.get("schemaVersion") != 1:
        raise SystemExit("not a schema version 1 catalog")
    new = collections.OrderedDict()
    new["schemaVersion"] = 2
    new["title"] = old["title"]
    if "source" in old:
        new["source"] = {"en": old["source"], "ja": old["source"]}
    for key in ("notes", "validity"):
        if key in old:
            new[key] = old[key]
    new["components"] = old["components"]
    rows = collections.defaultdict(list)
    lists, flows = [], []
    for e in old["entries"]:
        rows[e["table"]].append({"id": e["id"], "label": e["service"]})
        prov = ["%s#%s" % (e["table"], e["id"])]
        flow = collections.OrderedDict(id=e["id"], initiators=e["sources"], listener=e["destination"],
                                       ports=e["ports"], requirement=e["requirement"])
        for key in ("condition",):
            if key in e:
                flow[key] = e[key]
        flow["service"] = e["service"]
        flow["description"] = e["description"]
        for key in ("notes", "configurable"):
            if key in e:
                flow[key] = e[key]
        if e["direction"] == "local":
            flow["networkRule"] = False
        flow["provenance"] = prov
        if e["endpoints"]:
            lst = collections.OrderedDict(id=e["id"])
            if "validity" in e:
                lst["validity"] = e["validity"]
            lst["provenance"] = prov
            lst["endpoints"] = e["endpoints"]
            lists.append(lst)
            flow["endpointLists"] = [e["id"]]
        flows.append(flow)
    new["tables"] = []
    for t in old["tables"]:
        t = collections.OrderedDict(t)
        t["rows"] = rows.get(t["id"], [])
        if t["rows"]:
            new["tables"].append(t)
    new["endpointLists"] = lists
    new["flows"] = flows
    return new


def main():
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        old = json.load(f, object_pairs_hook=collections.OrderedDict)
    text = json.dumps(convert(old), ensure_ascii=False, indent=2) + "\n"
    with open(sys.argv[-1], "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
