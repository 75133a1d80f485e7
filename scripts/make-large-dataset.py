#!/usr/bin/env python3
"""Writes a synthetic lab-only dataset of VENDORS vendors and a criteria file of CRITERIA
criteria, to measure and test how `vendorscore report` scales.

    scripts/make-large-dataset.py OUT VENDORS CRITERIA

OUT/data/vendors.csv and OUT/data/test_scores.csv hold one lab result per vendor and
metric: `protection_rate` (a percent with 1,000 test cases behind it, so the evidence is
redrawn) and `metric_0002` ... `metric_CRITERIA` (plain scores). OUT/criteria.toml has one
criterion per metric with flat, unequal weights and half of the criteria to minimise.
The values come from a fixed seed, so the same arguments write the same files.

    vendorscore report --data OUT/data --criteria OUT/criteria.toml --out OUT/report
"""

import os
import random
import sys


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out, vendors, criteria = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    if vendors < 1 or criteria < 1:
        print("VENDORS and CRITERIA must be at least 1", file=sys.stderr)
        return 2
    rng = random.Random(20240901 + vendors * 100_003 + criteria)
    data = os.path.join(out, "data")
    os.makedirs(data, exist_ok=True)
    ids = [f"vendor-{i:05d}" for i in range(1, vendors + 1)]
    metrics = ["protection_rate"] + [f"metric_{j:05d}" for j in range(2, criteria + 1)]
    with open(os.path.join(data, "vendors.csv"), "w", encoding="utf-8") as f:
        f.write("vendor,name,hq_country,restrictions,notes\n")
        for i, v in enumerate(ids, 1):
            f.write(f"{v},Vendor {i:05d} Endpoint,US,,synthetic\n")
    with open(os.path.join(data, "test_scores.csv"), "w", encoding="utf-8") as f:
        f.write("lab,test,period_start,period_end,vendor,metric,value,unit,samples,source\n")
        for v in ids:
            rate = round(rng.uniform(95.0, 100.0), 1)
            f.write(f"Lab,Scale test,2024-09,2024-09,{v},protection_rate,{rate},percent,1000,synthetic\n")
            for m in metrics[1:]:
                value = round(rng.uniform(0.0, 100.0), 2)
                f.write(f"Lab,Scale test,2024-09,2024-09,{v},{m},{value},score,,synthetic\n")
    with open(os.path.join(out, "criteria.toml"), "w", encoding="utf-8") as f:
        f.write(f'name = "Scale test, {vendors} vendors x {criteria} criteria"\n')
        f.write('method = "weighted-sum"\nmissing = "worst"\n')
        for j, m in enumerate(metrics):
            direction = "max" if j % 2 == 0 else "min"
            weight = 1 + (j * 7919) % 10
            f.write(
                f'\n[[criterion]]\nid = "c{j + 1:05d}"\nlabel = "Criterion {j + 1}"\n'
                f'metric = "tests.{m}"\ndirection = "{direction}"\nweight = {weight}\n'
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
