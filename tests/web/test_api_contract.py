# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The JSON API against its own OpenAPI document: schemathesis generates requests for every
operation of /openapi.json (valid and invalid ones, a bounded and derandomized number each),
sends them with a logged-in admin's session and CSRF token over a registry that holds real
records, and checks every answer: no 5xx, only documented status codes, bodies and content
types as declared, invalid input refused, the session cookie not ignored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import schemathesis
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from hypothesis import HealthCheck, given, settings
from schemathesis.config import SchemathesisConfig
from web_helpers import Workbench, routes_of

from licentia.web.schemas import AssetOut

ROOT = Path(__file__).resolve().parents[2]
CARD = ROOT / "examples" / "review" / "bloom-card" / "README.md"
MANIFEST = ROOT / "examples" / "check" / "llama-finetune-as-mit.yaml"
EXAMPLES = 30  # per operation: ~500 requests in all, ~20 s
USE_CASE = {"name": "Support assistant", "commercial": True, "deployment": "saas",
            "description": "A chatbot answering our customers' billing questions."}


def _seed(bench: Workbench) -> None:
    """Records for the generated ids to meet: assets with an edge, parties, an agreement,
    a use case, a review with obligations and open statuses, a check."""
    eddie = bench.client("eddie")
    for name in ("bloom-7b1", "bloom-7b1-support"):
        assert eddie.post("/api/assets", json={"name": name, "kind": "model"}).status_code == 201
    assert eddie.post("/api/assets/2/edges", json={"source_id": 1,
                                                   "relation": "finetune"}).status_code == 201
    assert eddie.post("/api/parties", json={"name": "BigScience",
                                            "role": "licensor"}).status_code == 201
    assert eddie.post("/api/agreements", json={
        "title": "BLOOM RAIL", "kind": "license", "asset_id": 1, "licensor_id": 1,
        "expires_on": "2027-01-31"}).status_code == 201
    assert eddie.post("/api/use-cases", json={"spec": USE_CASE, "asset_id": 2}).status_code == 201
    review = eddie.post("/api/runs", data={"kind": "review", "use_case_id": "1"},
                        files={"document": ("README.md", CARD.read_bytes())})
    assert review.status_code == 201 and review.json()["obligations"], review.text
    assert eddie.post("/api/runs", data={"kind": "check"},
                      files={"document": ("m.yaml", MANIFEST.read_bytes())}).status_code == 201


def _config() -> SchemathesisConfig:
    config = SchemathesisConfig.from_dict({"checks": {
        # a request the schema allows may still break a rule the schema cannot say (a name
        # taken, an expiry before the effective date, a manifest without components): 400
        "positive_data_acceptance": {"expected-statuses": ["2xx", "400", "404", "409"]},
    }})
    return config


def _failures(bench: Workbench, only: str | None = None) -> list[str]:
    """What schemathesis finds wrong with every operation (or those under path `only`)."""
    admin = bench.client("ada")
    cookies = dict(admin.cookies)
    headers = {"x-csrf-token": admin.headers["x-csrf-token"]}
    schema = schemathesis.openapi.from_asgi("/openapi.json", bench.app, config=_config())
    operations = [result.ok() for result in schema.get_all_operations()]
    found: list[str] = []
    for operation in operations:
        if only is not None and not operation.path.startswith(only):
            continue

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def call(case: Any) -> None:
            case.call_and_validate(cookies=cookies, headers=headers)

        try:
            call()
        except BaseException as exc:  # every operation is tried; all reported at once
            if not isinstance(exc, Exception | BaseExceptionGroup):
                raise
            found += [f"{operation.label}: {line}" for line in _flat(exc)]
    return found


def _flat(exc: BaseException) -> list[str]:
    """Every failure in a (nested) group, as 'Type: message'; an exception the app raised is
    a 500 the server would have sent."""
    if isinstance(exc, BaseExceptionGroup):
        return [line for inner in exc.exceptions for line in _flat(inner)]
    return [f"{type(exc).__name__}: {exc}"]


def test_every_api_answer_matches_the_openapi_document(any_bench: Workbench) -> None:
    bench = any_bench
    _seed(bench)
    documented = {(method.upper(), path) for path, methods in
                  bench.client("vera").get("/openapi.json").json()["paths"].items()
                  for method in methods}
    routes = {(method, route.path) for route in routes_of(bench.app.routes)
              if isinstance(route, APIRoute) and route.path.startswith("/api/")
              for method in route.methods}
    assert routes == documented and len(routes) >= 17  # every call of the API, nothing else
    failures = _failures(bench)
    assert not failures, "\n\n".join(failures)


def test_the_contract_test_sees_a_wrong_answer_and_a_server_error(bench: Workbench) -> None:
    """The check can fail: an answer that is not what the document declares, and an error."""
    _seed(bench)

    @bench.app.get("/api/broken/body", response_model=AssetOut)
    def wrong_body() -> JSONResponse:
        return JSONResponse({"id": "not a number"})

    @bench.app.get("/api/broken/error")
    def server_error() -> None:
        raise RuntimeError("a bug")

    found = " ".join(_failures(bench, only="/api/broken/"))
    assert "Response violates schema" in found and "RuntimeError: a bug" in found, found


def test_text_with_a_nul_is_refused_on_every_backend(any_bench: Workbench) -> None:
    """PostgreSQL cannot store a NUL character (it was a 500 there, found by the test above);
    every backend refuses it with the same message, in a write and in a search."""
    eddie = any_bench.client("eddie")
    answer = eddie.post("/api/assets", json={"name": "model\u0000x", "kind": "model"})
    assert answer.status_code == 400
    assert answer.json()["detail"] == "text with a NUL character is not accepted"
    assert eddie.get("/search", params={"q": "a\u0000b"}).status_code == 400
    assert eddie.get("/api/assets").json() == []
