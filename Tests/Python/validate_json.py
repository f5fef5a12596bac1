"""Validates JSON files against a JSON Schema with the jsonschema package (draft 2020-12), for the tests of the
JSON export (Tests/MinutesKitTests/MinutesExport/JSONSchemaTests.swift):

    python3 validate_json.py SCHEMA.json FILE.json...   (a FILE of "-" is standard input)

Checks the schema itself first. Prints `FILE: ok`, or `FILE: at PATH: MESSAGE` for each error; exits 1 when a
file is invalid, 2 when the schema is.
"""
import json
import sys

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError


def main(arguments):
    if len(arguments) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(arguments[0], encoding="utf-8") as file:
        schema = json.load(file)
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        print(f"{arguments[0]}: the schema is not valid: {error.message}")
        return 2
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    status = 0
    for name in arguments[1:]:
        text = sys.stdin.read() if name == "-" else open(name, encoding="utf-8").read()
        errors = sorted(validator.iter_errors(json.loads(text)), key=lambda e: list(e.absolute_path))
        if not errors:
            print(f"{name}: ok")
        for error in errors:
            path = "/".join(str(p) for p in error.absolute_path) or "(top)"
            print(f"{name}: at {path}: {error.message}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
