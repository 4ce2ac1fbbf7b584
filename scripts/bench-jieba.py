#!/usr/bin/env python3
"""Peer benchmark: jieba's posseg tagging vs `chuxi extract --jobs 1` on the same corpus,
measured in the same run (pip install jieba; build chuxi in release first).

Usage: python3 scripts/bench-jieba.py [--mb 5]
"""
import argparse, glob, os, shutil, subprocess, sys, tempfile, time

ap = argparse.ArgumentParser()
ap.add_argument("--mb", type=float, default=5)
a = ap.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(root, "seeds", "*.txt")))]
docs, size = [], 0
while size < a.mb * 1e6:
    for t in texts:
        docs.append(t); size += len(t.encode())
tmp = tempfile.mkdtemp()
for i, d in enumerate(docs):
    with open(os.path.join(tmp, f"{i:06d}.txt"), "w", encoding="utf-8") as f:
        f.write(d)
chuxi = os.path.join(root, ".build", "release", "chuxi")
t0 = time.perf_counter()
subprocess.run([chuxi, "extract", tmp, "--out", os.path.join(tmp, "out"), "--jobs", "1"], check=True, stderr=subprocess.DEVNULL)
t_chuxi = time.perf_counter() - t0
import jieba.posseg as pseg
import jieba
jieba.initialize()
t0 = time.perf_counter()
for d in docs:
    for _ in pseg.cut(d):
        pass
t_jieba = time.perf_counter() - t0
mb = size / 1e6
print(f"corpus {mb:.1f} MB; chuxi extract --jobs 1: {mb / t_chuxi:.2f} MB/s; jieba posseg: {mb / t_jieba:.2f} MB/s; ratio {t_jieba / t_chuxi:.1f}x")
shutil.rmtree(tmp)
