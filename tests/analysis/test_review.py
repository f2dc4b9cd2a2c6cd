# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""review: the seed scenarios' verdicts, quotes grounded in the license text, negation,
qualifiers, thresholds, modified and unidentified texts, and the renderers."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from docx import Document
from reviewing import find, status_of, use

from licentia.analysis.findings import Status
from licentia.analysis.review import Review, Step, Verdict, review_reference
from licentia.analysis.usecase import UseCase
from licentia.catalog.evidence import corpus_dir, document_source, quote_in
from licentia.catalog.licensedb import read_text
from licentia.catalog.taxonomy import taxonomy
from licentia.catalog.template.choices import Choices
from licentia.catalog.template.text import render_markdown
from licentia.catalog.terms import all_sheets
from licentia.errors import InputError, UnknownLicenseError
from licentia.report import review as report

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "review"


def example(name: str) -> UseCase:
    return UseCase.from_file(EXAMPLES / f"{name}.yaml")


def assert_grounded(review: Review) -> None:
    """Every gray or conflict finding of steps 2-4 quotes the license (or a document it
    incorporates), and every quote is in that text."""
    sheet = review.basis.sheet
    assert sheet is not None
    for f in review.findings:
        if f.step == Step.VERIFY.value or f.status is Status.CLEAR:
            continue
        license_quotes = [ev for ev in f.evidence if not ev.document.startswith("file:")]
        if any(ev.document.startswith("file:") for ev in f.evidence):
            continue  # wording of the user's modified license file, checked elsewhere
        assert license_quotes, f"{f.code} ({f.status}) has no quote: {f.title}"
        for ev in license_quotes:
            found = quote_in(document_source(sheet, ev.document), ev.quote)
            if found is None and corpus_dir() is None:
                continue  # an incorporated policy licentia knows only by phrases
            assert found, f"{f.code}: quote not in {ev.document}: {ev.quote!r}"


# -- the seed scenarios --------------------------------------------------------------------------

SCENARIOS = [
    # (license reference, use case, verdict, {code: status} that must hold)
    ("bigscience-bloom-rail-1.0", "commercial-assistant", Verdict.REVIEW,
     {"ai-disclosure": Status.GRAY, "medical-advice": Status.CLEAR,
      "use-restrictions-flow-down": Status.CLEAR}),
    ("bigscience-openrail-m", "face-swap-app", Verdict.CONFLICT,
     {"deepfake-impersonation": Status.CONFLICT, "harassment": Status.GRAY}),
    ("creativeml-openrail-m", "face-swap-app", Verdict.REVIEW,
     {"deepfake-impersonation": Status.CLEAR, "harassment": Status.GRAY}),
    ("llama3.1", "defense-logistics", Verdict.CONFLICT, {"military": Status.CONFLICT}),
    # agents sending drafts "under their own names" is not the model renamed: the naming duty
    # stays a duty to carry out, not a conflict
    ("llama3.1", "commercial-assistant", Verdict.CLEAR, {"non-commercial": Status.CLEAR}),
    ("bigscience-bloom-rail-1.0", "defense-logistics", Verdict.REVIEW,
     {"military": Status.CLEAR, "ai-disclosure": Status.GRAY}),
    ("llama3.1", "social-app-900m", Verdict.CONFLICT, {"user-threshold": Status.CONFLICT}),
    ("Apache-2.0", "on-device-classifier", Verdict.CLEAR,
     {"non-commercial": Status.CLEAR}),
]


@pytest.mark.parametrize(("ref", "case", "verdict", "expected"), SCENARIOS,
                         ids=[f"{c}@{r}" for r, c, _v, _e in SCENARIOS])
def test_seed_scenarios(ref: str, case: str, verdict: Verdict,
                        expected: dict[str, Status]) -> None:
    r = review_reference(ref, example(case))
    assert r.verdict is verdict, [(f.code, f.status, f.title) for f in r.findings
                                  if f.status is not Status.CLEAR]
    for code, status in expected.items():
        assert status_of(r, code) is status, (code, [f.message for f in find(r, code)])
    assert_grounded(r)


def test_face_swap_impersonation_item_exists_only_in_openrail_m() -> None:
    openrail = review_reference("bigscience-openrail-m", example("face-swap-app"))
    creativeml = review_reference("creativeml-openrail-m", example("face-swap-app"))
    [conflict] = [f for f in openrail.findings if f.status is Status.CONFLICT]
    assert conflict.extra["clause"] == "restriction-impersonation"
    assert "impersonate" in conflict.evidence[0].quote
    assert any(m["words"] == "swaps faces" for m in conflict.extra["matched"])
    assert "no consent" in conflict.message  # the qualifier is settled by the use case's words
    [absent] = find(creativeml, "deepfake-impersonation")
    assert absent.title.startswith("No deepfake-impersonation restriction")
    assert not any("deepfake-impersonation" in f.extra.get("taxonomy", ())
                   for f in creativeml.findings)


def test_defense_logistics_military_only_in_llama() -> None:
    llama = review_reference("llama3.1", example("defense-logistics"))
    [military] = find(llama, "military")
    assert military.extra["clause"] == "aup-military"
    assert military.evidence[0].document == "llama-3.1-aup"
    assert "Military, warfare" in military.evidence[0].quote
    bloom = review_reference("bigscience-bloom-rail-1.0", example("defense-logistics"))
    [absent] = find(bloom, "military")
    assert absent.status is Status.CLEAR and not absent.evidence
    assert "still apply" in absent.message
    # "not used for targeting or weapons development" is negated, so weapons is not raised
    [weapons] = find(llama, "weapons")
    assert weapons.status is Status.CLEAR
    assert any("negated" in m["rule"] for m in weapons.extra["matched"])


def test_mau_threshold_escalates_with_the_question() -> None:
    r = review_reference("llama3.1", example("social-app-900m"))
    [mau] = find(r, "user-threshold")
    assert "900,000,000" in mau.message and "700,000,000" in mau.message
    assert "affiliates" in mau.message and "release date" in mau.message
    [esc] = [e for e in r.escalations if e.code == "user-threshold"]
    assert esc.status is Status.CONFLICT and "700,000,000" in esc.question
    assert "700 million" in esc.evidence[0].quote


def test_restriction_free_commercial_product_is_clear_with_attribution_duties() -> None:
    r = review_reference("Apache-2.0", example("on-device-classifier"))
    assert r.verdict is Verdict.CLEAR
    assert not [f for f in r.findings if f.step == "restrictions" and f.extra.get("clause")]
    duties = [f for f in r.by_step(Step.ATTRIBUTION) if f.actions]
    codes = {f.code for f in duties}
    assert {"attribution", "state-changes"} <= codes
    assert any("copy of the license" in a for f in duties for a in f.actions)
    assert any("NOTICE" in a for f in duties for a in f.actions)
    assert all(f.evidence for f in duties)
    [patent] = find(r, "patent-grant", "patent")
    assert "each contributor" in patent.message


def test_apache_saas_does_not_trigger_distribution_duties() -> None:
    r = review_reference("Apache-2.0", use("Internal search over support tickets, offered "
                                            "to customers as a web service.",
                                            modification="fine-tune"))
    assert r.verdict is Verdict.CLEAR
    assert all(f.extra.get("applies") is False for f in r.by_step(Step.ATTRIBUTION))


def test_llama_saas_triggers_built_with_and_naming() -> None:
    r = review_reference("llama3.1", use("Writing assistant that drafts marketing copy for "
                                         "small businesses.", modification="fine-tune",
                                         monthly_active_users="1.2M"))
    assert status_of(r, "user-threshold") is Status.CLEAR
    [built] = find(r, "built-with-notice", "attribution")
    assert built.extra["applies"] is True and "Built with Llama" in built.actions[0]
    [naming] = find(r, "naming-requirement", "attribution")
    assert naming.extra["applies"] is True and "\u201cLlama\u201d" in naming.actions[0]


# -- matching: negation, counter-use, qualifiers --------------------------------------------------

def test_negated_descriptions_do_not_trigger() -> None:
    negated = use("A note-taking assistant for clinic staff. It is not for medical "
                  "diagnosis and never gives medical advice.")
    r = review_reference("bigscience-openrail-m", negated)
    [medical] = find(r, "medical-advice")
    assert medical.status is Status.CLEAR
    assert "does not involve" in medical.message and "negated by 'never'" in str(
        medical.extra["matched"])
    plain = use("A note-taking assistant for clinic staff that gives medical advice to "
                "patients.")
    assert status_of(review_reference("bigscience-openrail-m", plain),
                     "medical-advice") is Status.CONFLICT


@pytest.mark.parametrize("description", [
    "We never store personal data or track people.",
    "The app does not impersonate anyone, and doesn't create deepfakes.",
    "No facial recognition, no surveillance, no military use.",
    "Built for retail analytics; not for law enforcement or predictive policing.",
])
def test_negations_of_every_form_leave_restrictions_clear(description: str) -> None:
    r = review_reference("gemma-tou-2024-04-01", use(description))
    for f in r.by_step(Step.RESTRICTIONS):
        if f.extra.get("clause"):
            assert f.status is not Status.CONFLICT, (f.code, f.message)
    r2 = review_reference("flux-1-nc", use(description, commercial=False))
    assert not [f for f in r2.findings if f.status is Status.CONFLICT]


def test_negation_stops_at_a_new_clause() -> None:
    r = review_reference("bigscience-openrail-m",
                         use("We never store personal data, and we provide medical advice."))
    assert status_of(r, "medical-advice") is Status.CONFLICT


def test_counter_use_is_clear_with_the_words_that_say_so() -> None:
    r = review_reference("bigscience-openrail-m",
                         use("A newsroom tool that detects deepfakes in submitted videos."))
    [imp] = find(r, "deepfake-impersonation")
    assert imp.status is Status.CLEAR
    assert "works against" in imp.message and "deepfakes" in imp.message and imp.actions


def test_qualifier_settled_by_the_description() -> None:
    consent = use("Avatar app: users swap faces only with their own photos, and every "
                  "likeness is used with their explicit consent.")
    assert status_of(review_reference("bigscience-openrail-m", consent),
                     "deepfake-impersonation") is Status.CLEAR
    automated = use("Fully automated credit scoring that approves or rejects loans.")
    assert status_of(review_reference("bigscience-openrail-m", automated),
                     "automated-decisions") is Status.CONFLICT
    reviewed = use("Credit scoring that suggests a risk band; a loan officer makes every "
                   "final decision after human review.")
    assert status_of(review_reference("bigscience-openrail-m", reviewed),
                     "automated-decisions") is Status.CLEAR
    open_question = use("Credit scoring service for lenders.")
    r = review_reference("bigscience-openrail-m", open_question)
    [f] = find(r, "automated-decisions")
    assert f.status is Status.GRAY and "human review" in f.extra["question"]


def test_declared_activity_with_an_open_qualifier_is_gray() -> None:
    # Llama's AUP bans the *unlicensed* practice of medicine: declaring medical advice does
    # not settle whether it is licensed
    r = review_reference("llama3.1", use("Symptom information for patients.",
                                         activities=["medical-advice"]))
    [f] = [x for x in find(r, "medical-advice") if x.extra.get("clause")]
    assert f.status is Status.GRAY and "licensed" in f.extra["question"]
    # BigScience OpenRAIL-M bans medical advice outright
    r = review_reference("bigscience-openrail-m", use("Symptom information for patients.",
                                                      activities=["medical-advice"]))
    assert status_of(r, "medical-advice") is Status.CONFLICT


def test_exclusion_contradicted_by_the_description_is_gray() -> None:
    r = review_reference("llama3.1", use("Logistics planning for the armed forces.",
                                         excluded_activities=["military"]))
    [f] = find(r, "military")
    assert f.status is Status.GRAY and "disagree" in f.message


def test_ambiguous_words_are_never_a_silent_clear() -> None:
    r = review_reference("bigscience-openrail-m", use("Chat helper for hospital patients."))
    [f] = find(r, "medical-advice")
    assert f.status is Status.GRAY and f.extra["question"]
    assert r.verdict is Verdict.REVIEW


def test_short_description_is_gray() -> None:
    r = review_reference("Apache-2.0", use("An AI tool."))
    assert status_of(r, "use-case-unclear") is Status.GRAY
    assert r.verdict is Verdict.REVIEW


def test_ai_disclosure_duty_settled_by_labels() -> None:
    labelled = use("Chatbot that answers questions; every reply is clearly labelled as "
                   "AI-generated.")
    [f] = find(review_reference("bigscience-rail-1.0", labelled), "ai-disclosure")
    assert f.status is Status.CLEAR and f.actions


# -- thresholds, commercial and output terms -----------------------------------------------------

def test_user_threshold_counts_affiliates_and_asks_when_they_are_unknown() -> None:
    r = review_reference("llama3.1", use("Writing assistant for small businesses."))
    [f] = find(r, "user-threshold")
    assert f.status is Status.CLEAR and "no user figure" in f.message
    group = use("Writing assistant built by a subsidiary of a large media group; the group's "
                "user figures are not known to us.", monthly_active_users=20_000)
    [f] = find(review_reference("llama3.1", group), "user-threshold")
    assert f.status is Status.GRAY and "affiliates" in f.message and f.extra["question"]
    parent = use("We are a wholly owned subsidiary of Orbis Holdings, whose apps have had more "
                 "than 1.1 billion monthly users every month since 2021.",
                 monthly_active_users=40_000_000)
    [f] = find(review_reference("llama3.1", parent), "user-threshold")
    assert f.status is Status.CONFLICT and "1.1 billion" in f.message
    r = review_reference("qwen-2024", use("Writing assistant for students.", commercial=False))
    assert status_of(r, "user-threshold") is Status.CLEAR  # Qwen's limit binds commercial use


def test_revenue_threshold() -> None:
    r = review_reference("stability-ai-community-2024",
                         use("Generates product photos for online shops.",
                             annual_revenue_usd="5M"))
    assert status_of(r, "user-threshold") is Status.CONFLICT


def test_non_commercial_license() -> None:
    commercial = review_reference("CC-BY-NC-4.0", use("Trains a product classifier on the "
                                                      "dataset for our paid app."))
    assert status_of(commercial, "non-commercial") is Status.CONFLICT
    academic = review_reference("CC-BY-NC-4.0", use("University research on product "
                                                    "classification, results published.",
                                                    commercial=False))
    assert status_of(academic, "non-commercial") is Status.CLEAR


def test_output_training() -> None:
    trains = use("Generates synthetic data from the model's outputs.",
                 outputs_train_other_models=True)
    r = review_reference("llama-3-license-2024", trains)
    [f] = find(r, "output-training")
    assert f.status is Status.GRAY and "large language model" in f.extra["question"]
    llm = use("Uses the outputs to train our own LLM for customer chat.",
              outputs_train_other_models=True)
    assert status_of(review_reference("llama-3-license-2024", llm),
                     "output-training") is Status.CONFLICT
    r = review_reference("bigscience-open-rail-m", trains)
    assert any("Derivative" in f.title for f in find(r, "use-restrictions-flow-down"))


# -- step 1: what identification rests on ---------------------------------------------------------

def test_modified_license_file_is_a_finding_and_its_added_wording_is_scanned(
        tmp_path: Path) -> None:
    text = read_text("bigscience-open-rail-m")
    cut = text.index("(m) To generate")
    path = tmp_path / "LICENSE"
    path.write_text(text[:cut] + "(m) For any military purpose, including warfare;\n"
                    + text[cut:], encoding="utf-8")
    r = review_reference(str(path), example("defense-logistics"))
    [modified] = find(r, "modified-license", "verify")
    assert modified.status is Status.GRAY and "military" in modified.message
    [added] = find(r, "military")
    assert added.status is Status.GRAY
    assert added.evidence[0].quote.startswith("For any military purpose")
    assert added.evidence[0].document == f"file:{path}"
    assert r.verdict is Verdict.REVIEW
    assert any("change" in n for n in r.not_assessed)


def test_added_clause_of_a_modified_file_is_an_item_of_its_own(tmp_path: Path) -> None:
    text = read_text("bigscience-open-rail-m")
    cut = text.index("(m) To generate")
    added = "You must pay the Licensor five percent of all revenue earned with the Model."
    path = tmp_path / "LICENSE"
    path.write_text(text[:cut] + added + "\n" + text[cut:], encoding="utf-8")
    r = review_reference(str(path), example("commercial-assistant"))
    items = [f for f in find(r, "modified-license") if f.evidence]
    assert items and all(f.status is Status.GRAY for f in items)
    assert any("five percent of all revenue" in e.quote and e.document == f"file:{path}"
               for f in items for e in f.evidence)
    assert r.verdict is not Verdict.CLEAR


def test_exact_license_file_and_model_card(tmp_path: Path) -> None:
    (tmp_path / "LICENSE").write_text(read_text("llama-3.1-license-2024"), encoding="utf-8")
    card = tmp_path / "README.md"
    card.write_text("---\nlicense: llama3.1\nlicense_link: LICENSE\n---\n# a model\n",
                    encoding="utf-8")
    r = review_reference(str(card), example("commercial-assistant"))
    [ident] = find(r, "license-identified", "verify")
    assert ident.status is Status.CLEAR and "license_link" in ident.message
    assert not ident.actions
    assert r.basis.license is not None and r.basis.license.key == "llama-3.1-license-2024"
    bare = tmp_path / "bare.md"
    bare.write_text("---\nlicense: llama3.1\n---\n# a model\n", encoding="utf-8")
    [ident] = find(review_reference(str(bare), example("commercial-assistant")),
                   "license-identified", "verify")
    assert "no license text was read" in ident.message and ident.actions


def test_unidentified_file_says_what_could_not_be_assessed(tmp_path: Path) -> None:
    path = tmp_path / "LICENSE.txt"
    path.write_text("You may use this model only on Tuesdays, and only for good.\n",
                    encoding="utf-8")
    r = review_reference(str(path), example("commercial-assistant"))
    assert r.basis.license is None
    assert status_of(r, "unknown-license", "verify") is Status.GRAY
    assert r.verdict is Verdict.REVIEW
    assert "use restrictions" in r.not_assessed
    assert report.to_json(r)["license"] is None


def test_license_without_term_sheet_is_not_assessed() -> None:
    r = review_reference("Beerware", example("on-device-classifier"))
    assert status_of(r, "not-assessed", "verify") is Status.GRAY
    assert r.verdict is Verdict.REVIEW
    assert not r.by_step(Step.RESTRICTIONS)


def test_family_tag_is_clear_when_every_member_agrees() -> None:
    r = review_reference("gemma", example("commercial-assistant"))
    [f] = find(r, "ambiguous-license", "verify")
    assert "gemma-tou-2024-04-01" in f.message
    assert f.status is Status.CLEAR and "same verdict" in f.message


def test_bad_references() -> None:
    with pytest.raises(UnknownLicenseError, match="did you mean"):
        review_reference("llama3.9", example("commercial-assistant"))
    with pytest.raises(InputError, match="review them one at a time"):
        review_reference("MIT OR Apache-2.0", example("commercial-assistant"))
    with pytest.raises(InputError, match="no such file"):
        review_reference("missing/LICENSE", example("commercial-assistant"))


# -- every license, every restriction: quotes are grounded ----------------------------------------

KITCHEN_SINK = use(
    "Fully automated credit scoring and hiring, predictive policing, facial recognition of "
    "shoppers, a face swap feature without consent, medical diagnosis for patients, legal "
    "advice, military logistics, spam campaigns and generated posts for social media.",
    activities=sorted(set(taxonomy()) - {"user-threshold", "non-commercial"}),
    monthly_active_users=800_000_000, annual_revenue_usd=2_000_000,
    outputs_train_other_models=True, deployment="distributed", modification="fine-tune")


@pytest.mark.parametrize("key", sorted(all_sheets()))
def test_every_sheet_gray_and_conflict_findings_quote_the_license(key: str) -> None:
    r = review_reference(key, KITCHEN_SINK)
    assert_grounded(r)
    restrictions = [f for f in r.by_step(Step.RESTRICTIONS) if f.extra.get("clause")]
    sheet = all_sheets()[key]
    n = sum(1 for c in sheet.clauses if c.kind.value == "use-restriction")
    assert len([f for f in restrictions if f.extra.get("taxonomy")]) >= n
    if n:
        assert r.verdict is not Verdict.CLEAR


# -- renderers ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def face_swap() -> Review:
    return review_reference("bigscience-openrail-m", example("face-swap-app"))


def test_json_keys_per_contract(face_swap: Review) -> None:
    data = json.loads(json.dumps(report.to_json(face_swap)))
    assert {"license", "verdict", "findings", "risk_matrix", "escalate", "format_version",
            "disclaimer"} <= set(data)
    assert data["license"]["id"] == "bigscience-open-rail-m"
    assert data["verdict"] == "conflict"
    steps = {"verify", "restrictions", "attribution", "patent", "escalate"}
    for f in data["findings"]:
        assert {"step", "code", "status", "title", "rationale", "evidence", "actions"} <= set(f)
        assert f["step"] in steps and f["status"] in {"clear", "gray", "conflict"}
        for ev in f["evidence"]:
            assert {"quote", "section"} <= set(ev)
    assert len(data["risk_matrix"]) == len(data["findings"])
    assert {"likelihood", "impact", "risk"} <= set(data["risk_matrix"][0])
    assert data["escalate"] and all(e["question"] for e in data["escalate"])
    assert "not legal advice" in data["disclaimer"]


def test_markdown_and_html_name_the_version_and_disclaim(face_swap: Review) -> None:
    md = report.to_markdown(face_swap)
    html = report.to_html(face_swap)
    for text in (md, html):
        assert "August 18, 2022" in text  # the license text version it rests on
        assert "not legal advice" in text
        assert "Risk matrix" in text
    assert "> \u201cTo impersonate or attempt to impersonate" in md
    assert "<blockquote>&ldquo;To impersonate or attempt to impersonate" in html
    assert html.lstrip().startswith("<!DOCTYPE html>")


def test_docx_opens_and_holds_the_risk_matrix_table(face_swap: Review) -> None:
    doc = Document(io.BytesIO(report.to_docx(face_swap)))
    headers = [[c.text for c in t.rows[0].cells] for t in doc.tables]
    [matrix] = [t for t, h in zip(doc.tables, headers, strict=True) if h[0] == "Finding"]
    assert [c.text for c in matrix.rows[0].cells] == ["Finding", "Step", "Status",
                                                      "Likelihood", "Impact", "Risk"]
    rows = [[c.text for c in row.cells] for row in matrix.rows[1:]]
    assert any("deepfake-impersonation" in r[0] and r[2] == "conflict" and r[5] == "high"
               for r in rows)
    quotes = [p.text for p in doc.paragraphs if p.style is not None
              and p.style.name == "Quote"]
    assert any("To impersonate or attempt to impersonate" in q for q in quotes)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "not legal advice" in text and "Overall verdict: conflict" in text


def test_terminal_rendering(face_swap: Review) -> None:
    from rich.console import Console

    console = Console(record=True, width=100)
    console.print(report.to_rich(face_swap))
    text = console.export_text()
    assert "verdict: conflict" in text and "risk matrix" in text
    assert "not legal advice" in text


@pytest.mark.parametrize("key", sorted(k for k, s in all_sheets().items()
                                       if any(not d.held for d in s.documents)))
def test_a_policy_licentia_does_not_hold_is_never_clear(key: str) -> None:
    """A license incorporating a policy whose text licentia lacks (Falcon's AUP, NVIDIA's
    Trustworthy AI terms, ...) can restrict anything: military use is gray, not clear."""
    r = review_reference(key, example("defense-logistics"))
    assert r.verdict is not Verdict.CLEAR
    verify = [f for f in r.findings if f.code == "incorporated-policy"]
    assert any(f.status is Status.GRAY and "does not hold" in f.title for f in verify)
    military = status_of(r, "military")
    assert military in (Status.GRAY, Status.CONFLICT)
    assert_grounded(r)


def test_implied_activities_reach_the_clauses_that_restrict_them() -> None:
    """Llama 3.1's policy has no surveillance item, but tracking people by face processes
    their personal data, which it does restrict: gray, never a silent clear."""
    tracking = review_reference("llama3.1", use(
        "A system that tracks individuals across city cameras using facial recognition."))
    assert status_of(tracking, "personal-data") is Status.GRAY
    loans = review_reference("llama3.1", use(
        "A tool that scores loan applicants and automatically rejects risky ones."))
    assert status_of(loans, "discrimination") is Status.GRAY
    rail = review_reference("bigscience-openrail-m", use(
        "A tool that scores loan applicants and automatically rejects risky ones."))
    assert status_of(rail, "automated-decisions") is Status.CONFLICT


def test_patent_grant_of_a_research_draft_does_not_cover_commercial_use(tmp_path: Path) -> None:
    path = tmp_path / "LICENSE.md"
    path.write_text(render_markdown(Choices.build("Example Labs", ["model"], "research")),
                    encoding="utf-8")
    commercial = review_reference(str(path), use("Sells generated product photos to shops."))
    [grant] = find(commercial, "patent-grant", "patent")
    assert grant.status is Status.GRAY and "does not cover it" in grant.message
    assert grant.extra["question"] and grant.evidence
    research = review_reference(str(path), use("A university study of image models.",
                                               commercial=False))
    [grant] = find(research, "patent-grant", "patent")
    assert grant.status is Status.CLEAR
