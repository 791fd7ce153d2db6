#!/usr/bin/env python3
"""Checks the Parley agent API specification, and messages and HTTP exchanges against it.

    python3 Protocols/Spec/validate.py [--messages FILE] [--exchanges FILE]

Always checks that openapi.json is a valid OpenAPI 3.1 document (its references resolved), that every schema in
Schemas/ is a valid JSON Schema (2020-12), and that the conformance vectors agree with the schemas: each valid
message validates, each invalid one does not.

--messages FILE: a JSON array of {"message": "TurnRequest", "json": {...}}; each must validate against its schema.
--exchanges FILE: a JSON array of {"method", "path", "status", "request"?, "response"?, "requestIsValid"?}, as a
client saw them. Each must be an operation of openapi.json with that status declared (or, for any other path or
method, a 404 not_found or 405 method_not_allowed error); the response body must
validate against the declared schema, an error's code must be one the response lists in x-error-codes, and a
request marked valid must validate against the operation's request schema.

Prints one line per failure and a summary; exits 1 if anything failed. Needs jsonschema >= 4.18 and
openapi-spec-validator (`python3 -m pip install jsonschema openapi-spec-validator`).
"""

import argparse
import json
import pathlib
import re
import sys

try:
    from jsonschema import Draft202012Validator
    from openapi_spec_validator import validate as validate_openapi
    from referencing import Registry, Resource
except ImportError as error:
    sys.exit(f"validate.py needs jsonschema >= 4.18 and openapi-spec-validator ({error}); "
             "run: python3 -m pip install jsonschema openapi-spec-validator")

SPEC = pathlib.Path(__file__).resolve().parent
BASE = "https://parley.dev/schemas/v1/"


class Checker:
    def __init__(self):
        self.failures = []
        self.checked = 0
        self.schemas = {path.name: json.loads(path.read_text()) for path in sorted((SPEC / "Schemas").glob("*.schema.json"))}
        self.registry = Registry().with_resources(
            (schema["$id"], Resource.from_contents(schema)) for schema in self.schemas.values())
        self.openapi = json.loads((SPEC / "openapi.json").read_text())

    def fail(self, what, why):
        self.failures.append(f"FAIL {what}: {why}")

    def errors(self, schema_file, instance):
        """The schema's complaints about an instance, as short lines."""
        validator = Draft202012Validator(self.schemas[schema_file], registry=self.registry)
        return [f"{'$' + ''.join(f'[{p}]' if isinstance(p, int) else f'.{p}' for p in error.absolute_path)}: {error.message[:200]}"
                for error in validator.iter_errors(instance)]

    def expect_valid(self, what, schema_file, instance):
        self.checked += 1
        if schema_file not in self.schemas:
            return self.fail(what, f"no schema {schema_file}")
        problems = self.errors(schema_file, instance)
        if problems:
            self.fail(what, "; ".join(problems[:3]))

    def check_documents(self):
        for name, schema in self.schemas.items():
            self.checked += 1
            try:
                Draft202012Validator.check_schema(schema)
            except Exception as error:  # noqa: BLE001 - any complaint is a failure to report
                self.fail(f"schema {name}", str(error)[:300])
            if schema.get("$id") != BASE + name:
                self.fail(f"schema {name}", f"$id must be {BASE + name}")
        self.checked += 1
        try:
            validate_openapi(self.openapi, base_uri=(SPEC / "openapi.json").as_uri())
        except Exception as error:  # noqa: BLE001
            self.fail("openapi.json", str(error)[:300])

    def check_vectors(self):
        vectors = json.loads((SPEC / "Vectors" / "agent-api.json").read_text())
        for vector in vectors["valid"]:
            self.expect_valid(f"valid vector '{vector['name']}'", vector["message"] + ".schema.json", vector["json"])
        for vector in vectors["invalid"]:
            if "json" not in vector:
                continue  # not JSON at all: nothing for a schema to say
            self.checked += 1
            if not self.errors(vector["message"] + ".schema.json", vector["json"]):
                self.fail(f"invalid vector '{vector['name']}'", "the schema accepts it")

    def check_messages(self, messages):
        for position, entry in enumerate(messages):
            self.expect_valid(f"message {position} ({entry['message']})", entry["message"] + ".schema.json", entry["json"])

    def operation(self, method, path):
        for template, item in self.openapi["paths"].items():
            pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
            if re.match(pattern, path) and method.lower() in item:
                return template, item[method.lower()]
        return None, None

    @staticmethod
    def schema_file(content):
        reference = content.get("application/json", {}).get("schema", {}).get("$ref", "")
        return reference.rsplit("/", 1)[-1] or None

    def check_exchanges(self, exchanges):
        for position, exchange in enumerate(exchanges):
            method, path, status = exchange["method"].upper(), exchange["path"], str(exchange["status"])
            what = f"exchange {position} ({method} {path} -> {status})"
            self.checked += 1
            template, operation = self.operation(method, path)
            if operation is None:
                # Paths and methods outside the document get 404 not_found or 405 method_not_allowed.
                expected = {"404": "not_found", "405": "method_not_allowed"}.get(status)
                body = exchange.get("response")
                if expected is None:
                    self.fail(what, "not an operation of openapi.json, and not answered 404 or 405")
                elif not isinstance(body, dict) or body.get("error", {}).get("code") != expected:
                    self.fail(what, f"an unknown path or method must be answered with code {expected}")
                else:
                    self.expect_valid(what + " response", "APIErrorBody.schema.json", body)
                continue
            if exchange.get("requestIsValid") and "requestBody" in operation:
                self.expect_valid(what + " request", self.schema_file(operation["requestBody"]["content"]), exchange.get("request"))
            response = operation["responses"].get(status)
            if response is None:
                self.fail(what, f"{method} {template} declares no {status} response")
                continue
            declared = self.schema_file(response.get("content", {}))
            body = exchange.get("response")
            if declared is None:
                if body is not None:
                    self.fail(what, "the response has a body where the document declares none")
                continue
            self.expect_valid(what + " response", declared, body)
            codes = response.get("x-error-codes")
            if codes is not None and isinstance(body, dict):
                code = body.get("error", {}).get("code")
                if code not in codes:
                    self.fail(what, f"error code {code!r} is not among this response's {codes}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=pathlib.Path, help="a JSON array of {message, json}")
    parser.add_argument("--exchanges", type=pathlib.Path, help="a JSON array of recorded HTTP exchanges")
    arguments = parser.parse_args()
    checker = Checker()
    checker.check_documents()
    checker.check_vectors()
    if arguments.messages:
        checker.check_messages(json.loads(arguments.messages.read_text()))
    if arguments.exchanges:
        checker.check_exchanges(json.loads(arguments.exchanges.read_text()))
    for failure in checker.failures:
        print(failure)
    print(f"{checker.checked} checks, {len(checker.failures)} failed")
    sys.exit(1 if checker.failures else 0)


if __name__ == "__main__":
    main()
