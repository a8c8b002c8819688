#!/usr/bin/env python3
"""validate_sarif.py SCHEMA REPORT: checks REPORT against the SARIF 2.1.0
JSON schema (draft 4), then against what GitHub code scanning requires beyond
the schema, then prints the report's content one line per item for
FileCheck:

  valid SARIF 2.1.0
  rule ID short=<text> help=<helpUri>
  result RULE LEVEL [%SRCROOT%/]URI:LINE:COLUMN FINGERPRINT
    related [%SRCROOT%/]URI:LINE:COLUMN MESSAGE
    fix [DESCRIPTION] [%SRCROOT%/]URI LINE:COL-LINE:COL bytes OFFSET+LENGTH -> TEXT
  executionSuccessful true|false
  notification LEVEL MESSAGE
"""

import json
import sys
import urllib.parse

import jsonschema


def where(artifact):
    base = artifact.get("uriBaseId")
    return (base + "/" if base else "") + artifact["uri"]


def code_scanning_problems(report):
    """What GitHub code scanning rejects or misplaces although the schema
    allows it (docs.github.com, "SARIF support for code scanning")."""
    problems = []
    for run in report["runs"]:
        bases = run.get("originalUriBaseIds", {})
        for name, base in bases.items():
            if not base["uri"].endswith("/"):
                problems.append("originalUriBaseIds.%s does not end with /" % name)
        driver = run["tool"]["driver"]
        for rule in driver.get("rules", []):
            for key in ("shortDescription", "fullDescription"):
                if not rule.get(key, {}).get("text"):
                    problems.append("rule %s has no %s" % (rule["id"], key))
            uri = rule.get("helpUri")
            if uri and not urllib.parse.urlparse(uri).scheme:
                problems.append("rule %s: helpUri %s is not absolute" % (rule["id"], uri))
        for result in run.get("results", []):
            if not result.get("ruleId"):
                problems.append("a result has no ruleId")
            if not result["message"].get("text"):
                problems.append("a result has no message text")
            locations = result.get("locations", [])
            if not 1 <= len(locations) <= 10:
                problems.append("a result has %d locations" % len(locations))
            for loc in locations + result.get("relatedLocations", []):
                physical = loc["physicalLocation"]
                artifact = physical["artifactLocation"]
                if "uriBaseId" in artifact and artifact["uriBaseId"] not in bases:
                    problems.append("uriBaseId %s is not defined" % artifact["uriBaseId"])
                if artifact["uri"].startswith("file:"):
                    problems.append("%s is not relative to the root" % artifact["uri"])
                if "startLine" not in physical.get("region", {}):
                    problems.append("%s has no startLine" % artifact["uri"])
    return problems


def main():
    schema_path, report_path = sys.argv[1:3]
    with open(schema_path) as f:
        schema = json.load(f)
    with open(report_path) as f:
        report = json.load(f)
    validator = jsonschema.Draft4Validator(schema)
    errors = sorted(validator.iter_errors(report), key=lambda e: list(e.path))
    for error in errors:
        path = "/".join(str(p) for p in error.path)
        print("invalid SARIF at /%s: %s" % (path, error.message))
    if errors:
        return 1
    problems = code_scanning_problems(report)
    for problem in problems:
        print("not for code scanning: %s" % problem)
    if problems:
        return 1
    print("valid SARIF %s" % report["version"])
    for run in report["runs"]:
        for rule in run["tool"]["driver"].get("rules", []):
            print("rule %s short=%s help=%s" % (
                rule["id"], rule["shortDescription"]["text"],
                rule.get("helpUri", "")))
        for result in run["results"]:
            loc = result["locations"][0]["physicalLocation"]
            print("result %s %s %s:%d:%d %s" % (
                result["ruleId"], result["level"],
                where(loc["artifactLocation"]), loc["region"]["startLine"],
                loc["region"]["startColumn"],
                result["partialFingerprints"]["structify/v1"]))
            for related in result.get("relatedLocations", []):
                loc = related["physicalLocation"]
                print("  related %s:%d:%d %s" % (
                    where(loc["artifactLocation"]), loc["region"]["startLine"],
                    loc["region"]["startColumn"],
                    related.get("message", {}).get("text", "(no message)")))
            for fix in result.get("fixes", []):
                description = fix.get("description", {}).get("text")
                for change in fix["artifactChanges"]:
                    for edit in change["replacements"]:
                        region = edit["deletedRegion"]
                        print("  fix %s%s %d:%d-%d:%d bytes %d+%d -> %s" % (
                            "[%s] " % description if description else "",
                            where(change["artifactLocation"]),
                            region["startLine"], region["startColumn"],
                            region["endLine"], region["endColumn"],
                            region["byteOffset"], region["byteLength"],
                            json.dumps(edit.get("insertedContent", {}).get("text", ""))))
        for invocation in run.get("invocations", []):
            print("executionSuccessful %s" %
                  str(invocation["executionSuccessful"]).lower())
            for n in invocation.get("toolExecutionNotifications", []):
                print("notification %s %s" % (n["level"], n["message"]["text"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
