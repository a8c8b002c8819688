#!/usr/bin/env python3
"""Compares a check's documented options with what --dump-config shows.

    documented_options.py DOC CHECK < dump-config-output

DOC is the check's page (docs/checks/<name>.md); its "## Options" section
lists each option as a line "`Name` (default `value`)" or "`Name` (default
empty)". Every documented option must be in the dump with its documented
default, and every option of CHECK in the dump must be documented: an option
a check reads but never stores (so --dump-config leaves it out) fails here.
"""
import re
import sys

doc, check = sys.argv[1], sys.argv[2]
documented = {}
in_options = False
for line in open(doc, encoding="utf-8"):
    if line.startswith("## "):
        in_options = line.strip() == "## Options"
        continue
    m = in_options and re.match(r"^`(\w+)` \(default (?:`([^`]*)`|(empty))\)", line)
    if m:
        documented[m.group(1)] = m.group(2) if m.group(2) is not None else ""

dumped = {}
for line in sys.stdin:
    m = re.match(r"^\s+" + re.escape(check) + r"\.(\w+):\s*(.*)$", line)
    if m:
        dumped[m.group(1)] = m.group(2).strip().strip("'")

errors = []
for name, default in sorted(documented.items()):
    if name not in dumped:
        errors.append(f"{check}.{name} is documented but --dump-config leaves it out")
    elif dumped[name] != default:
        errors.append(f"{check}.{name}: documented default '{default}', dumped '{dumped[name]}'")
for name in sorted(set(dumped) - set(documented)):
    errors.append(f"{check}.{name} is dumped but not documented in {doc}")
if not documented:
    errors.append(f"{doc} documents no option")
for e in errors:
    print("error: " + e)
if errors:
    sys.exit(1)
print(f"{check}: {len(documented)} options, documented and dumped alike")
