#!/usr/bin/env python3
"""Chuxi on Apache Spark: read an archive, pipe every issue through `chuxi extract --jsonl -`,
and merge the partitions' records into one store and graph with `chuxi merge`.

Local:    spark-submit spark/chuxi_job.py --archive seeds --out /tmp/chuxi-spark --chuxi .build/release/chuxi
          (or plain `python3 spark/chuxi_job.py ...` with pyspark from PyPI; master local[2])
Cluster:  spark-submit --master yarn --files .build/release/chuxi,rules/*.rules spark/chuxi_job.py \
              --archive hdfs:///papers --out /shared/chuxi --chuxi ./chuxi --rules .
          (chuxi needs libicu72 on the workers; --rules points at the rule files shipped with --files)
Outputs:  OUT/parts/part-* (JSON lines, one record a line), OUT/chuxi.sqlite, OUT/attendance.csv
"""
import argparse, json, os, subprocess, sys


def to_issue_line(root):
    """(uri, text) from wholeTextFiles -> one JSON line; the issue id is the path below the root."""
    def f(pair):
        uri, text = pair
        path = uri.split(":", 1)[1] if uri.startswith("file:") else uri
        path = os.path.normpath(path.lstrip("/") if path.startswith("//") else path)
        rel = os.path.relpath(path, root) if os.path.isabs(path) else path
        return json.dumps({"path": rel, "text": text}, ensure_ascii=False)
    return f


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--archive", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--chuxi", required=True, help="path of the chuxi binary (on every worker)")
    ap.add_argument("--rules", help="rules directory (default: the one next to the binary's repository)")
    ap.add_argument("--master", default=os.environ.get("SPARK_MASTER", "local[2]"))
    ap.add_argument("--partitions", type=int, default=4)
    a = ap.parse_args()

    from pyspark.sql import SparkSession
    spark = SparkSession.builder.master(a.master).appName("chuxi").getOrCreate()
    sc = spark.sparkContext
    chuxi = os.path.abspath(a.chuxi) if os.path.exists(a.chuxi) else a.chuxi
    root = os.path.abspath(a.archive)
    cmd = [chuxi, "extract", "--jsonl", "-"] + (["--rules", os.path.abspath(a.rules)] if a.rules else [])
    issues = sc.wholeTextFiles(root + "/*.txt" if os.path.isdir(root) else root, minPartitions=a.partitions)
    records = issues.map(to_issue_line(root)).pipe(" ".join(cmd), env={"LC_ALL": "C.UTF-8"})
    parts = os.path.join(os.path.abspath(a.out), "parts")
    if os.path.exists(parts):
        import shutil; shutil.rmtree(parts)
    records.saveAsTextFile(parts)
    spark.stop()
    db = os.path.join(os.path.abspath(a.out), "chuxi.sqlite")
    subprocess.run([chuxi, "merge", parts, "--db", db, "--out", os.path.abspath(a.out)], check=True)


if __name__ == "__main__":
    sys.exit(main())
