#!/usr/bin/env python3
"""validate_sarif.py SCHEMA REPORT: checks REPORT against the SARIF 2.1.0
JSON schema (draft 4), then prints one line per result for FileCheck."""

import json
import sys

import jsonschema


def main():
    schema_path, report_path = sys.argv[1:3]
    with open(schema_path) as f:
        schema = json.load(f)
    with open(report_path) as f:
        report = json.load(f)
    validator = jsonschema.Draft4Validator(schema)
    errors = sorted(validator.iter_errors(report), key=lambda e: list(e.path))
    for error in errors:
        where = "/".join(str(p) for p in error.path)
        print("invalid SARIF at /%s: %s" % (where, error.message))
    if errors:
        return 1
    print("valid SARIF %s" % report["version"])
    for run in report["runs"]:
        for result in run["results"]:
            loc = result["locations"][0]["physicalLocation"]
            art = loc["artifactLocation"]
            print("result %s %s %s%s:%d:%d %s" % (
                result["ruleId"], result["level"],
                art.get("uriBaseId", "") + ("/" if "uriBaseId" in art else ""),
                art["uri"], loc["region"]["startLine"],
                loc["region"]["startColumn"],
                result["partialFingerprints"]["structify/v1"]))
        for invocation in run.get("invocations", []):
            print("executionSuccessful %s" %
                  str(invocation["executionSuccessful"]).lower())
            for n in invocation.get("toolExecutionNotifications", []):
                print("notification %s %s" % (n["level"], n["message"]["text"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
