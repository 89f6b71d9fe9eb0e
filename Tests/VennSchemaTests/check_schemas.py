#!/usr/bin/env python3
"""Checks the record schemas with the reference JSON Schema implementation.

Usage: check_schemas.py RECORDS_DIR [SAMPLES_JSON]

Every RECORDS_DIR/*.json must be a valid JSON Schema 2020-12 document
(Draft202012Validator.check_schema). SAMPLES_JSON, when given, is a list of
{"collection": ..., "fields": {...}, "valid": true|false} records with the
verdict of Venn's own validator; each is validated with jsonschema (formats
checked) and must get the same verdict.

Exits 0 when all is well, 1 listing every problem otherwise, and 2 when the
jsonschema package is missing, so a caller never mistakes "not checked" for
"checked".
"""
import json
import pathlib
import sys

try:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError
except ImportError as error:
    print(f"check_schemas.py needs the jsonschema package (pip install jsonschema): {error}")
    sys.exit(2)


def main(arguments):
    if len(arguments) not in (1, 2):
        print(__doc__.strip().splitlines()[2])
        return 2
    records = pathlib.Path(arguments[0])
    problems = []

    # Each schema against the 2020-12 meta-schema.
    schemas = {}
    files = sorted(records.glob("*.json"))
    if not files:
        problems.append(f"{records}: no schema files")
    for path in files:
        try:
            schema = json.loads(path.read_text(encoding="utf-8"))
            Draft202012Validator.check_schema(schema)
            schemas[path.stem] = schema
        except (ValueError, SchemaError) as error:
            problems.append(f"{path.name}: {error}")

    # Each sample record gets the verdict Venn's validator gave it.
    checked = 0
    if len(arguments) == 2:
        samples = json.loads(pathlib.Path(arguments[1]).read_text(encoding="utf-8"))
        for number, sample in enumerate(samples):
            schema = schemas.get(sample["collection"])
            if schema is None:
                problems.append(f"sample {number}: no schema for {sample['collection']}")
                continue
            validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
            errors = [error.message for error in validator.iter_errors(sample["fields"])]
            if (not errors) != sample["valid"]:
                verdict = "valid" if sample["valid"] else "invalid"
                problems.append(
                    f"sample {number} ({sample['collection']}): Venn says {verdict}, "
                    f"jsonschema says {errors or 'valid'}: {json.dumps(sample['fields'])}"
                )
            checked += 1

    for problem in problems:
        print(problem)
    print(f"{len(schemas)} schemas, {checked} samples checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
