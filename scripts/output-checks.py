#!/usr/bin/env python3
"""Checks of an attendance.csv that no scorer makes (issue 15's "done when"):
titles holding a dateline, byline or headline mark (电 讯 记者 （), impossible days, and
events named by a bare trigger word (roles.rules).

usage: scripts/output-checks.py ATTENDANCE.csv [--show N]
e.g.   chuxi extract ../shared/corpora/pfr199801/articles --out /tmp/month
       scripts/output-checks.py /tmp/month/attendance.csv --show 10
"""
import csv, collections, datetime, os, re, sys

path = sys.argv[1]
show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
rows = list(csv.DictReader(open(path, encoding="utf-8")))
print(f"records: {len(rows)}")

marked = [r for r in rows if any(m in t for t in r["titles"].split(";") for m in ("电", "讯", "记者", "（"))]
print(f"titles holding 电/讯/记者/（: {len(marked)}")
for r in marked[:show]: print(f"  {r['issue']}: {r['titles']}")
# Of those, the ones that hold a dateline or byline, not an organization's name that has the
# character (电力部, 朗讯, 中国远洋运输（集团）总公司): `…日电`, `…讯`, `记者`, a parenthesis
# that opens a byline, a message (`致电`), a source (`据`).
DATELINE = re.compile(r"(日|月)电|电（|(本报|日|^)讯|记者|通讯员|致电|^据|援引")
datelined = [r for r in rows if any(DATELINE.search(t) for t in r["titles"].split(";"))]
print(f"  of which a dateline, byline, message or source: {len(datelined)}")
for r in datelined[:show]: print(f"  {r['issue']}: {r['titles']}")

def possible(d):
    for part in filter(None, d.split("/")):
        m = re.match(r"^(\d{4}|-)-(\d\d)-(\d\d)$", part)
        if not m: return False
        y = 2000 if m.group(1) == "-" else int(m.group(1))   # a leap year when unknown
        try: datetime.date(y, int(m.group(2)), int(m.group(3)))
        except ValueError: return False
    return True
bad = [r for r in rows if not possible(r["date"])]
print(f"impossible dates: {len(bad)}")
for r in bad[:show]: print(f"  {r['issue']}: {r['date']}")

rules = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rules", "roles.rules")
triggers = set()
for line in open(rules, encoding="utf-8"):
    p = line.split()
    if p and p[0] in ("chair", "attend", "observe", "speak", "inspect"): triggers.update(p[2:])
bare = collections.Counter(r["event"] for r in rows if r["event"] in triggers)
print(f"events named by a bare trigger: {sum(bare.values())} {dict(bare.most_common(8))}")
