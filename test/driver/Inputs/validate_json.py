#!/usr/bin/env python3
"""validate_json.py SCHEMA DOCUMENT: checks DOCUMENT against a JSON schema
(draft 7) with python3-jsonschema; prints "valid" or one line per error."""

import json
import sys

import jsonschema


def main():
    schema_path, document_path = sys.argv[1:3]
    with open(schema_path) as f:
        schema = json.load(f)
    with open(document_path) as f:
        document = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    for error in errors:
        path = "/".join(str(p) for p in error.path)
        print("invalid at /%s: %s" % (path, error.message))
    if errors:
        return 1
    print("valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
