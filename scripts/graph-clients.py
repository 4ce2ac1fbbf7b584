#!/usr/bin/env python3
"""Loads chuxi's graph exports with the clients researchers use, and prints what they read
as JSON (ChuxiStoreTests.AnalysisTests compares it with chuxi's own exports).

    graph-clients.py networkx FILE...        # .gexf / .graphml through networkx
    graph-clients.py kuzu NEO4J_DIR PERSON   # the Neo4j CSVs through kuzu (COPY FROM)

networkx: per file, directedness, node and edge counts, each edge's weight (`u|v`, ends
sorted for an undirected graph), the nodes' `start` days and GEXF spells.

kuzu: builds the schema from the neo4j-admin headers themselves (`name:ID(Space)`,
`:START_ID(Space)`, `x:int`, `x:string[]`, `:LABEL`, `:TYPE`), copies every file in, and
answers "co-attendees of PERSON by weight" twice: counted over the person-event edges,
and read from the CO_ATTENDED relationships (person_person.csv).
"""
import csv, json, os, re, sys, tempfile


def run_networkx(paths):
    import networkx as nx
    out = {}
    for p in paths:
        g = nx.read_gexf(p) if p.endswith(".gexf") else nx.read_graphml(p)
        weights = {}
        for u, v, d in g.edges(data=True):
            key = f"{u}|{v}" if g.is_directed() else "|".join(sorted([u, v]))
            weights[key] = int(d.get("weight", 0))
        out[os.path.basename(p)] = {
            "directed": g.is_directed(),
            "nodes": g.number_of_nodes(),
            "edges": g.number_of_edges(),
            "weights": weights,
            "labels": {n: d.get("label", "") for n, d in g.nodes(data=True)},
            "starts": {n: str(d["start"]) for n, d in g.nodes(data=True) if "start" in d},
            "spells": {n: [list(map(str, x)) for x in d["spells"]] for n, d in g.nodes(data=True) if "spells" in d},
        }
    print(json.dumps(out, ensure_ascii=False, sort_keys=True))


def kuzu_type(t):
    return "INT64" if t in ("int", "long") else "STRING"


def run_kuzu(d, person):
    import kuzu
    db_dir = tempfile.mkdtemp(prefix="chuxi-kuzu-")
    conn = kuzu.Connection(kuzu.Database(os.path.join(db_dir, "db")))
    nodes, rels = [], []
    for f in sorted(os.listdir(d)):
        if not f.endswith(".csv"):
            continue
        with open(os.path.join(d, f), encoding="utf-8", newline="") as h:
            header = next(csv.reader(h))
        (rels if any(c.startswith(":START_ID(") for c in header) else nodes).append((f, header))
    for f, header in nodes:
        cols, pk, table = [], None, None
        for c in header:
            m = re.fullmatch(r"(\w*):ID\((\w+)\)", c)
            if m:
                pk, table = m.group(1), m.group(2)
                cols.append(f"`{pk}` STRING")
            elif c == ":LABEL":
                cols.append("`label` STRING")
            else:
                name, _, t = c.partition(":")
                cols.append(f"`{name}` {kuzu_type(t)}")
        conn.execute(f"CREATE NODE TABLE {table}({', '.join(cols)}, PRIMARY KEY(`{pk}`))")
        conn.execute(f"COPY {table} FROM '{os.path.join(d, f)}' (header=true)")
    for f, header in rels:
        start = re.fullmatch(r":START_ID\((\w+)\)", header[0]).group(1)
        end = re.fullmatch(r":END_ID\((\w+)\)", header[1]).group(1)
        props = []
        for c in header[2:]:
            if c == ":TYPE":
                props.append("`type` STRING")
            else:
                name, _, t = c.partition(":")
                props.append(f"`{name}` {kuzu_type(t)}")
        table = f[:-4].upper()
        conn.execute(f"CREATE REL TABLE {table}(FROM {start} TO {end}, {', '.join(props)})")
        conn.execute(f"COPY {table} FROM '{os.path.join(d, f)}' (header=true)")

    def rows(q):
        r = conn.execute(q, {"x": person}) if "$x" in q else conn.execute(q)
        out = []
        while r.has_next():
            out.append(r.get_next())
        return out

    bipartite = rows("MATCH (a:Person)-[:PERSON_EVENT]->(e:Event)<-[:PERSON_EVENT]-(b:Person) "
                     "WHERE a.personId = $x AND b.personId <> $x "
                     "RETURN b.personId AS id, COUNT(DISTINCT e.eventId) AS w ORDER BY w DESC, id")
    coattended = rows("MATCH (a:Person)-[r:PERSON_PERSON]-(b:Person) WHERE a.personId = $x "
                      "RETURN b.personId AS id, r.weight AS w ORDER BY w DESC, id")
    spaces = [re.search(r":ID\((\w+)\)", ",".join(h)).group(1) for _, h in nodes]
    counts = {t: rows(f"MATCH (n:{t}) RETURN COUNT(*)")[0][0] for t in spaces}
    print(json.dumps({"bipartite": bipartite, "coattended": coattended, "nodes": counts}, ensure_ascii=False))


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "networkx":
        run_networkx(sys.argv[2:])
    elif len(sys.argv) == 4 and sys.argv[1] == "kuzu":
        run_kuzu(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
