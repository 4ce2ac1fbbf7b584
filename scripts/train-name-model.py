#!/usr/bin/env python3
"""Builds rules/names.model: character role statistics for person and organization names.

usage: scripts/train-name-model.py [--corpus ../shared/corpora/pfr199801] [--out rules/names.model]
                                   [--epochs 12] [--min-count 1] [--prune 40] [--shared-pair-min 2]
                                   [--dropout 0] [--check]

What it learns, and from what. Every character gets one of nine roles -- outside (O), or
begin / inside / end / single of a person (PER) or organization (ORG) name -- and the model
holds, for each role, weights of character features in a window of five (the character two
before ... two after), of character pairs around it, of the rule files' lexicons (surnames,
posts, role triggers and predicates, name stops, transliteration characters; read from
`rules/`), and of characters after a surname, plus role-to-role transitions (the model
file's header lists every feature).
Chuxi reads the roles of a sentence by Viterbi over these weights (Tag/NameModel.swift).
It is the role tagging of Zhang Huaping and Liu Qun (2004) with perceptron weights in place
of counted probabilities: an averaged structured perceptron (Collins 2002), trained here.

Data: the People's Daily articles of 1-20 January 1998 only, with the corpus's own PER and
ORG annotation (`entities.csv`); 21-31 January is where Chuxi's mention figures are measured
and nothing is learned from it. No full names are kept: a character pair of which both
characters lie inside one annotated person name is no feature there, so the table holds
characters and their contexts, not the month's people -- unless the pair lies inside at least
--shared-pair-min (2) different names, and is not itself a whole two-character name: such a pair (`尼亚`, `斯特`, a transliteration syllable)
is a statistic of names, not one person's, and left out inside names it would learn only
from the other places that it is no name, and cut every name that holds it. Characters are keyed as Chuxi's
normalizer leaves them (full-width forms folded), with every digit keyed `0` and every Latin
letter `A`.

--swap S adds S copies of each paragraph holding a Chinese name, each name drawn anew from
character statistics (surnames as often as they begin the annotated names, given characters
as often as they stand at that place): the model learns what a name is made of, not which
name follows which word. Tried 2026-12-03 (S = 1, 2; with --dropout 0.1): CLUENER name F1
0.558 -> 0.571 / 0.579 / 0.570, PER 21-31 Jan 0.901 -> 0.904 / 0.902 / 0.902, PD 34 pairs
0.944 -> 0.938 / 0.933 / 0.936 (against a retrain with S = 0): recall up, precision down,
so off (0).

--check trains on 1-18 January and prints exact-span PER/ORG scores on 19-20 January
(a quick check while changing features; the real figures come from ../shared/eval/dev-scores).
"""
import argparse, csv, os, sys, time
from collections import Counter, defaultdict
import numpy as np

TAGS = ["O", "B-PER", "I-PER", "E-PER", "S-PER", "B-ORG", "I-ORG", "E-ORG", "S-ORG"]
T = len(TAGS)
DOTS = {0x2022, 0x30FB, 0x2027, 0xFF65, 0x2219}
FULL = {",": "，", "(": "（", ")": "）", ";": "；", ":": "：", "?": "？", "!": "！"}


def key(c):
    """The character as a feature sees it (Tag/NameModel.swift `key` does the same)."""
    v = ord(c)
    if 0xFF01 <= v <= 0xFF5E: c = chr(v - 0xFEE0)
    elif v == 0x3000: c = " "
    elif v in DOTS: c = "\u00b7"
    if c.isspace(): return "\u2423"
    if "0" <= c <= "9": return "0"
    if ("a" <= c <= "z") or ("A" <= c <= "Z"): return "A"
    return FULL.get(c, c)


def allowed():
    """Which role may follow which (BIES within one kind)."""
    ok = np.zeros((T, T), dtype=bool)
    for a, ta in enumerate(TAGS):
        for b, tb in enumerate(TAGS):
            a_open = ta[0] in "BI"; b_cont = tb[0] in "IE"
            if a_open: ok[a, b] = b_cont and ta[2:] == tb[2:]
            else: ok[a, b] = not b_cont
    start = np.array([t[0] not in "IE" for t in TAGS]); end = np.array([t[0] not in "BI" for t in TAGS])
    return ok, start, end


def surnames(path):
    single, double = set(), set()
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if parts and parts[0] == "surname":
            for s in parts[1:]: (single if len(s) == 1 else double).add(s)
    return single, double


def words(path, keyword_filter):
    """The values of the keywords `keyword_filter` accepts, from one rule file."""
    out = set()
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if parts and not parts[0].startswith(("#", "+", "-")) and keyword_filter(parts[0]):
            out.update(parts[2:] if parts[0] in ROLE_KEYWORDS else parts[1:])
    return out


ROLE_KEYWORDS = {"chair", "attend", "observe", "speak", "inspect"}


def lexicons():
    """Words of the rule files the features look for: posts (`titles.rules post`), the words
    that follow a person acting (role triggers, `names.rules predicate`), name stops."""
    posts = words("rules/titles.rules", lambda k: k == "post")
    cues = words("rules/roles.rules", lambda k: k in ROLE_KEYWORDS) | words("rules/names.rules", lambda k: k == "predicate")
    stops = words("rules/names.rules", lambda k: k == "stop")
    trans = words("rules/names.rules", lambda k: k == "transliteration")
    return posts, cues, stops, trans


def marks(line, lex):
    """Per position: a post ends right before it; a cue word starts right after it; it is a stop."""
    posts, cues, stops, trans = lex; n = len(line)
    post_end = [False] * (n + 1); cue_start = [False] * (n + 1)
    for i in range(n):
        for L in range(1, 8):
            if i + L <= n:
                w = line[i:i + L]
                if w in posts: post_end[i + L] = True
                if w in cues: cue_start[i] = True
    tr = [c in trans for c in line]
    return [(post_end[i], i + 1 <= n and cue_start[i + 1] if i + 1 < n else False, line[i] in stops, post_end[i + 1],
             [0 <= i + o < n and tr[i + o] for o in (-2, -1, 0, 1, 2)]) for i in range(n)]


def features(keys, inname, sur1, sur2, mk, shared=frozenset()):
    """Feature strings of every position; `inname[i]` = id of the gold person name holding i."""
    n = len(keys); pad = ["^", "^"] + keys + ["$", "$"]
    out = []
    for i in range(n):
        f = ["bias"]
        for k in (-2, -1, 0, 1, 2): f.append(f"u{k} {pad[i + 2 + k]}")
        if not (i > 0 and inname[i] and inname[i] == inname[i - 1]) or pad[i + 1] + pad[i + 2] in shared: f.append(f"b-1 {pad[i + 1]}{pad[i + 2]}")
        if not (i + 1 < n and inname[i] and inname[i] == inname[i + 1]) or pad[i + 2] + pad[i + 3] in shared: f.append(f"b0 {pad[i + 2]}{pad[i + 3]}")
        if not (i > 1 and inname[i - 1] and inname[i - 1] == inname[i - 2]) or pad[i] + pad[i + 1] in shared: f.append(f"b-2 {pad[i]}{pad[i + 1]}")
        if not (i + 2 < n and inname[i + 1] and inname[i + 1] == inname[i + 2]) or pad[i + 3] + pad[i + 4] in shared: f.append(f"b1 {pad[i + 3]}{pad[i + 4]}")
        if keys[i] in sur1: f.append("s0")
        if i > 0 and keys[i - 1] in sur1: f.append("s-1"); f.append(f"g1 {keys[i]}")
        if i > 1 and keys[i - 2] in sur1: f.append("s-2"); f.append(f"g2 {keys[i]}")
        if keys[i] in sur1 and i + 1 < n: f.append(f"g0 {keys[i + 1]}")
        post_before, cue_after, stop, post_ends, tw = mk[i]
        for o, t in zip((-2, -1, 0, 1, 2), tw):
            if t: f.append(f"t{o}")
        if sum(tw) >= 3: f.append("tw3")
        if sum(tw) == 5: f.append("tw5")
        if post_before: f.append("p-1")
        if cue_after: f.append("q1")
        if stop: f.append("x0")
        if post_ends: f.append("p0")
        if i + 1 < n and keys[i] + keys[i + 1] in sur2: f.append("s0c")
        out.append(f)
    return out


def load(corpus, days, sur1, sur2, lex, shared_min, swap=0.0):
    ents = defaultdict(list)
    for r in csv.DictReader(open(os.path.join(corpus, "entities.csv"), encoding="utf-8")):
        if r["type"] in ("PER", "ORG"): ents[(r["article"], int(r["paragraph"]))].append((int(r["start"]), int(r["end"]), r["type"]))
    data = []
    for name in sorted(os.listdir(os.path.join(corpus, "articles"))):
        art = name[:-4]
        if int(art[6:8]) not in days: continue
        for p, line in enumerate(open(os.path.join(corpus, "articles", name), encoding="utf-8").read().split("\n"), 1):
            if not line: continue
            tags = [0] * len(line); inname = [0] * len(line); spans = []
            for s, e, t in sorted(ents.get((art, p), []), key=lambda x: (x[0], -x[1])):
                if any(tags[i] for i in range(s, e)): continue   # nested or overlapping: the first kept
                if e - s == 1: tags[s] = TAGS.index("S-" + t)
                else:
                    tags[s] = TAGS.index("B-" + t); tags[e - 1] = TAGS.index("E-" + t)
                    for i in range(s + 1, e - 1): tags[i] = TAGS.index("I-" + t)
                if t == "PER":
                    for i in range(s, e): inname[i] = len(spans) + 1
                spans.append((s, e, t))
            keys = [key(c) for c in line]
            data.append((keys, inname, tags, spans))
    holders = defaultdict(set)
    for keys, inname, tags, spans in data:
        for s_, e_, t_ in spans:
            if t_ != "PER": continue
            nm = "".join(keys[s_:e_])
            for k in range(len(nm) - 1): holders[nm[k] + nm[k + 1]].add(nm)
    # (A pair that is itself a whole annotated name, `某明`, is never shared: that would be a name.)
    whole = {nm for h in holders.values() for nm in h if len(nm) == 2}
    shared = {p for p, h in holders.items() if len(h) >= shared_min and p not in whole}
    print(f"{len(shared)} pairs inside {shared_min}+ different names", file=sys.stderr)
    # (Counted before the swapped copies: their drawn names are no names of the corpus.)
    if swap > 0: data += swapped(data, sur1, sur2, swap, seed=11)
    out = []
    for keys, inname, tags, spans in data:
        mk = marks("".join(k if len(k) == 1 else " " for k in keys), lex)
        out.append((features(keys, inname, sur1, sur2, mk, shared), np.array(tags), spans))
    return out


def swapped(data, sur1, sur2, share, seed):
    """Copies of `share` of the paragraphs holding a Chinese name (a surname of the table, one
    or two given characters), each such name replaced by another drawn from character
    statistics: a surname as often as surnames begin the annotated names, given characters as
    often as they stand at that place of a name. The contexts stay, the name in them changes:
    the model learns what a name is made of, not which name stands after which word. No full
    name is kept; a drawn name is a random pairing of counted characters."""
    rng = np.random.RandomState(seed)
    sur_count, given = Counter(), [Counter(), Counter()]
    def parts(keys, s, e):
        L = 2 if "".join(keys[s:s + 2]) in sur2 else 1 if keys[s] in sur1 else 0
        return L if L and 1 <= e - s - L <= 2 else 0
    for keys, inname, tags, spans in data:
        for s, e, t in spans:
            L = parts(keys, s, e) if t == "PER" else 0
            if not L: continue
            sur_count["".join(keys[s:s + L])] += 1
            for k, c in enumerate(keys[s + L:e]): given[k][c] += 1
    def draw(counter):
        items = list(counter.items()); w = np.array([c for _, c in items], dtype=float)
        return lambda: items[rng.choice(len(items), p=w / w.sum())][0]
    sur_draw, given_draw = draw(sur_count), [draw(g) for g in given]
    def swap_one(keys, inname, tags, spans):
        keys2, inname2, tags2, spans2, pos = [], [], [], [], 0
        for s, e, t in sorted(spans):
            keys2 += keys[pos:s]; inname2 += inname[pos:s]; tags2 += list(tags[pos:s])
            L = parts(keys, s, e) if t == "PER" else 0
            name = list(keys[s:e])
            if L:
                su = sur_draw(); name = ([su] if len(su) == 1 else list(su)) + [given_draw[k]() for k in range(e - s - L)]
            n0 = len(keys2); keys2 += name; inname2 += inname[s:s + 1] * len(name)
            if len(name) == 1: tags2.append(TAGS.index("S-" + t))
            else: tags2 += [TAGS.index("B-" + t)] + [TAGS.index("I-" + t)] * (len(name) - 2) + [TAGS.index("E-" + t)]
            spans2.append((n0, n0 + len(name), t)); pos = e
        keys2 += keys[pos:]; inname2 += inname[pos:]; tags2 += list(tags[pos:])
        return keys2, inname2, tags2, spans2

    out = []
    for keys, inname, tags, spans in data:
        if not any(t == "PER" and parts(keys, s, e) for s, e, t in spans): continue
        for _ in range(int(share) + (rng.random_sample() < share - int(share))):
            out.append(swap_one(keys, inname, tags, spans))
    print(f"{len(out)} copies of paragraphs with their Chinese names swapped", file=sys.stderr)
    return out


def viterbi(em, trans, ok, start, end):
    n = em.shape[0]; NEG = -1e9
    tr = np.where(ok, trans, NEG)
    score = np.where(start, em[0], NEG); back = np.zeros((n, T), dtype=np.int64)
    for i in range(1, n):
        cand = score[:, None] + tr
        back[i] = cand.argmax(0); score = cand.max(0) + em[i]
    score = np.where(end, score, NEG)
    path = [int(score.argmax())]
    for i in range(n - 1, 0, -1): path.append(int(back[i, path[-1]]))
    return path[::-1]


def spans_of(path):
    out, s = [], None
    for i, t in enumerate(path):
        tag = TAGS[t]
        if tag[0] == "S": out.append((i, i + 1, tag[2:]))
        elif tag[0] == "B": s = i
        elif tag[0] == "E" and s is not None: out.append((s, i + 1, tag[2:])); s = None
    return out


def train(data, epochs, ids, dropout=0.0):
    ok, start, end = allowed()
    keep_always = ids.get("bias", -1)
    W = np.zeros((len(ids), T)); U = np.zeros_like(W); Tr = np.zeros((T, T)); Ut = np.zeros_like(Tr)
    fidx = [[np.array([ids[f] for f in fs if f in ids]) for fs in feats] for feats, _, _ in data]
    step = 1
    order = np.random.RandomState(7)
    for ep in range(epochs):
        t0 = time.time(); errs = 0
        for d in order.permutation(len(data)):
            feats, gold, _ = data[d]
            fi = fidx[d]
            if dropout > 0:   # each feature but the bias left out at random (see --dropout)
                fi = [f[(order.random_sample(len(f)) >= dropout) | (f == keep_always)] for f in fi]
            em = np.stack([W[f].sum(0) for f in fi])
            pred = viterbi(em, Tr, ok, start, end)
            if pred != list(gold):
                errs += 1
                for i, (g, p) in enumerate(zip(gold, pred)):
                    if g != p:
                        W[fi[i], g] += 1; U[fi[i], g] += step
                        W[fi[i], p] -= 1; U[fi[i], p] -= step
                    if i > 0:
                        gp, pp = gold[i - 1], pred[i - 1]
                        if (gp, g) != (pp, p):
                            Tr[gp, g] += 1; Ut[gp, g] += step; Tr[pp, p] -= 1; Ut[pp, p] -= step
            step += 1
        print(f"epoch {ep + 1}: {errs} of {len(data)} paragraphs wrong, {time.time() - t0:.0f} s", file=sys.stderr)
    return W - U / step, Tr - Ut / step


def score(data, W, Tr, ids):
    ok, start, end = allowed(); tp = Counter(); np_ = Counter(); ng = Counter()
    for feats, gold, spans in data:
        em = np.stack([W[[ids[f] for f in fs if f in ids]].sum(0) for fs in feats])
        pred = set(spans_of(viterbi(em, Tr, ok, start, end))); g = set(spans)
        for s in pred: np_[s[2]] += 1
        for s in g: ng[s[2]] += 1
        for s in pred & g: tp[s[2]] += 1
    for t in ("PER", "ORG"):
        p = tp[t] / max(np_[t], 1); r = tp[t] / max(ng[t], 1)
        print(f"{t}: P={p:.3f} R={r:.3f} F1={2 * p * r / max(p + r, 1e-9):.3f}")


def header(a, paragraphs):
    """The model file's comment lines: how it was made and what its lines mean."""
    return "".join("# " + line + "\n" for line in [
        "Character role statistics for person and organization names (read by Tag/NameModel.swift).",
        "Made by scripts/train-name-model.py (its docstring says how) from the People's Daily",
        f"articles of 1-20 January 1998 in ../shared/corpora/pfr199801 ({paragraphs} paragraphs),",
        f"{a.epochs} epochs of an averaged perceptron; features seen fewer than {a.min_count} time(s),",
        f"and those whose largest weight is below {a.prune / 100}, dropped.",
        "Lines: `tags` (the roles, in order); `trans FROM w...` (weight of each role after FROM);",
        "`f NAME VALUE role:weight ...` with NAME u-2 u-1 u0 u1 u2 (the character at that offset),",
        "b-2 b-1 b0 b1 (the pairs two before, ending here, starting here, after), s0 / s0c (a single /",
        "compound surname starts here), s-1 / s-2 (a surname one / two before), p-1 (a post of",
        "titles.rules ends just before), p0 (one ends here), q1 (a role trigger or predicate starts",
        "just after), x0 (a name stop of names.rules), t-2 ... t2 (a transliteration character of",
        "names.rules at that offset), tw3 / tw5 (three / all five of the window are), g1 / g2 (this",
        "character, one / two after a surname), g0 (the next character, when this one is a surname),",
        "bias (VALUE `-` where a feature has none). Weights are hundredths; roles with weight 0 are",
        "left out. A pair inside an annotated name is no feature there unless it lies inside at least",
        f"{a.shared_pair_min} different names and is no whole annotated name: the table holds no full name.",
    ])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="../shared/corpora/pfr199801")
    ap.add_argument("--out", default="rules/names.model")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--min-count", type=int, default=1)
    ap.add_argument("--prune", type=int, default=40, help="drop features whose largest weight is below this (hundredths)")
    ap.add_argument("--shared-pair-min", type=int, default=2, help="a pair inside this many different names is a feature inside names too")
    ap.add_argument("--dropout", type=float, default=0.0,
                    help="leave each feature out of a paragraph's update with this probability, so that no name leans on one cue alone")
    ap.add_argument("--swap", type=float, default=0.0,
                    help="add copies of this share of the paragraphs with a Chinese name, each name drawn anew from character statistics")
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    sur1, sur2 = surnames("rules/surnames.rules")
    days = range(1, 19) if a.check else range(1, 21)
    lex = lexicons()
    data = load(a.corpus, days, sur1, sur2, lex, a.shared_pair_min, a.swap)
    counts = Counter(f for feats, _, _ in data for fs in feats for f in fs)
    ids = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= a.min_count))}
    print(f"{len(data)} paragraphs, {sum(len(g) for _, g, _ in data)} characters, {len(ids)} features", file=sys.stderr)
    W, Tr = train(data, a.epochs, ids, a.dropout)
    if a.check:
        score(load(a.corpus, range(19, 21), sur1, sur2, lex, a.shared_pair_min), W, Tr, ids); return
    names = sorted(ids, key=lambda f: ids[f])
    with open(a.out, "w", encoding="utf-8") as out:
        out.write(header(a, len(data)))
        out.write("tags " + " ".join(TAGS) + "\n")
        for i, t in enumerate(TAGS):
            out.write("trans " + t + " " + " ".join(str(int(round(w * 100))) for w in Tr[i]) + "\n")
        for i, f in enumerate(names):
            ws = [(t, int(round(W[i, t] * 100))) for t in range(T)]
            ws = [(t, w) for t, w in ws if w != 0]
            if not ws or (f != "bias" and max(abs(w) for _, w in ws) < a.prune): continue
            kind, _, val = f.partition(" ")
            out.write(f"f {kind} {val or '-'} " + " ".join(f"{t}:{w}" for t, w in ws) + "\n")
    print(f"wrote {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
