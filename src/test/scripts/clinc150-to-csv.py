#!/usr/bin/env python3
"""Converts CLINC150 data_full.json into the CSVs `parley eval` reads (text,label; oos -> out_of_scope).

usage: src/test/scripts/clinc150-to-csv.py [data_full.json] [out_dir]
writes out_dir/clinc-train.csv (train + oos_train), clinc-val.csv (val + oos_val), clinc-test.csv (test + oos_test)
"""
import csv, json, os, sys

src = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/clinc150/data_full.json"
out = sys.argv[2] if len(sys.argv) > 2 else "target/clinc150"
os.makedirs(out, exist_ok=True)
data = json.load(open(src, encoding="utf-8"))
for split in ("train", "val", "test"):
    rows = data[split] + data["oos_" + split]
    with open(os.path.join(out, "clinc-%s.csv" % split), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["text", "label"])
        for text, label in rows:
            w.writerow([text, "out_of_scope" if label == "oos" else label])
    print("%s: %d rows" % (split, len(rows)))
