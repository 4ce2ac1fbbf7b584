#!/usr/bin/env python3
"""Event-merge figures of a store's Neo4j export (issue 16's done-when check).

    chuxi export --db STORE --format neo4j --out DIR
    python3 scripts/event-checks.py DIR [--show N]

Prints the merged event nodes (before merging there was one per issue, article, event
name and date: `SELECT COUNT(*) FROM (SELECT DISTINCT issue, article, event, date FROM
attendance)` in the store), and the pairs of
event nodes that still share date and kind with at least one attendee in common (dated
events only), how many of them name different counterparts (attendees named in their names,
or meetings whose names, none a bare kind word, hold none of the other's), and the first N.
"""
import csv, itertools, sys
from collections import defaultdict

def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))

def main():
    d = sys.argv[1]
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    events = {r["eventId:ID(Event)"]: r for r in rows(f"{d}/events.csv")}
    att = defaultdict(set)
    for f in ("person_event.csv", "organization_event.csv"):
        for r in rows(f"{d}/{f}"):
            att[r[":END_ID(Event)"]].add(r[":START_ID(Person)"] if ":START_ID(Person)" in r else r[":START_ID(Organization)"])
    by = defaultdict(list)
    for i, e in events.items():
        if e["date"]:
            by[(e["date"], e["kind"])].append(i)
    pairs = []
    for ids in by.values():
        for a, b in itertools.combinations(sorted(ids), 2):
            shared = att[a] & att[b]
            if shared:
                pairs.append((a, b, sorted(shared)))
    def counterparts(i):
        names = events[i]["names:string[]"].split(";")
        people = {a[2:].split("@")[0] for a in att[i] if a.startswith("P:")}
        return {p for p in people if any(p in n for n in names)}
    apart = [p for p in pairs if counterparts(p[0]) and counterparts(p[1]) and not counterparts(p[0]) & counterparts(p[1])]
    # Meetings named for different counterparts the store holds no node of (`会见六国离到任驻华大使`,
    # `会见钱其琛`): every name longer than the bare kind, and no name of one holding one of the other.
    MEET = {"会见", "会谈", "会晤", "接见"}
    def named_apart(a, b):
        na = [n for n in events[a]["names:string[]"].split(";") if n and n != events[a]["kind"]]
        nb = [n for n in events[b]["names:string[]"].split(";") if n and n != events[b]["kind"]]
        return (events[a]["kind"] in MEET and na and nb
                and not any(x in y or y in x for x in na for y in nb))
    apart_named = [p for p in pairs if p not in apart and named_apart(p[0], p[1])]
    print(f"event nodes: {len(events)}")
    print(f"pairs sharing date and kind with an attendee in common: {len(pairs)}")
    print(f"  of which their names name different counterparts (会见甲, 会见乙: two events): {len(apart)}")
    print(f"  of which meetings named for different counterparts held by no node (会见六国大使, 会见某某): {len(apart_named)}")
    print(f"  the others (shown first): {len(pairs) - len(apart) - len(apart_named)}")
    pairs = [p for p in pairs if p not in apart and p not in apart_named] + apart_named + apart
    for a, b, s in pairs[:show]:
        print(f"  {a} {events[a]['names:string[]']} [{events[a]['sources:string[]']}]\n  {b} {events[b]['names:string[]']} [{events[b]['sources:string[]']}]\n    shared: {', '.join(s)}")

main()
