#!/usr/bin/env python3
"""codeclimate.py REPORT: prints a Code Climate (GitLab Code Quality) report
one field per line, after checking the fields GitLab requires."""

import json
import sys

REQUIRED = ("description", "check_name", "fingerprint", "severity", "location")
SEVERITIES = ("info", "minor", "major", "critical", "blocker")

issues = json.load(open(sys.argv[1]))
assert isinstance(issues, list), "not an array"
for issue in issues:
    missing = [k for k in REQUIRED if k not in issue]
    assert not missing, "missing %s" % missing
    assert issue["severity"] in SEVERITIES, issue["severity"]
    assert issue["type"] == "issue"
    location = issue["location"]
    assert not location["path"].startswith("/"), location["path"]
    print("issue")
    for key in ("check_name", "description", "severity", "categories"):
        print("  %s: %s" % (key, issue[key]))
    print("  location: %s:%d" % (location["path"], location["lines"]["begin"]))
    print("  fingerprint: %s" % issue["fingerprint"])
    if "content" in issue:
        print("  body: %s" % issue["content"]["body"])
fingerprints = [i["fingerprint"] for i in issues]
print("fingerprints %s" % ("unique" if len(set(fingerprints)) == len(fingerprints) else "repeated"))
