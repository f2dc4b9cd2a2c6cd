# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""choose: the seed scenario's ranking and reasons, goals that cannot be met together, upstream
licenses that decide, bad goals files, and an interview that asks only what matters."""

from __future__ import annotations

from pathlib import Path

import pytest

from licentia.analysis.choose import choose
from licentia.analysis.goals import Goals
from licentia.analysis.interview import QUESTIONS, answer, next_question
from licentia.catalog.taxonomy import taxonomy
from licentia.catalog.template.choices import TEMPLATE_ID, Grant
from licentia.catalog.terms import sheet_for
from licentia.errors import InputError

EXAMPLES = Path(__file__).parents[2] / "examples" / "choose"
NLP = {"artifact": "weights", "adoption": "high", "commercial_use_by_others": True,
       "future_commercialization": True}


def test_nlp_startup_ranks_a_permissive_license_with_a_patent_grant_first() -> None:
    result = choose(Goals.from_file(EXAMPLES / "nlp-startup.yaml"))
    first = result.recommendations[0]
    assert first.key == "apache-2.0"
    assert not first.unmet and not result.unmet_goals
    sheet = sheet_for(first.key)
    assert sheet is not None and sheet.facts.osi_approved
    why = " ".join(first.why)
    # the reasons name the patent grant (quoted from the term sheet) and the commercial option
    assert "patent license" in why and "patent license to make" in why
    assert "permissive" in why and "open core" in why
    assert any("competitors" in t for t in first.tradeoffs)
    # MIT meets the same goals but has no express patent grant: ranked lower
    keys = [r.key for r in result.recommendations]
    assert keys.index("mit") > 0
    mit = next(r for r in result.recommendations if r.key == "mit")
    assert not any("patent license" in w for w in mit.why)
    assert first.score > mit.score
    # a license of one's own is not offered when no goal needs one
    assert TEMPLATE_ID not in keys


def test_every_recommendation_has_reasons_and_the_json_contract() -> None:
    data = choose(Goals.from_mapping(NLP)).to_json(limit=5)
    assert set(data) >= {"recommendations", "unmet_goals"}
    for rec in data["recommendations"]:
        assert set(rec) >= {"license", "score", "why", "tradeoffs", "incompatible_with"}
        assert set(rec["license"]) == {"id", "name"} and rec["why"]
    scores = [r["score"] for r in data["recommendations"]]
    assert scores == sorted(scores, reverse=True)


def test_use_restrictions_and_osaid_openness_are_reported_as_contradictory() -> None:
    result = choose(Goals.from_file(EXAMPLES / "restricted-and-osaid.yaml"))
    assert result.contradictory
    [unmet] = [u for u in result.unmet_goals if u.contradiction]
    assert set(unmet.goals) == {"use_restrictions", "osaid_open"}
    assert "OSAID" in unmet.reason or "Open Source AI Definition" in unmet.reason
    # each candidate misses one of the two
    for rec in result.recommendations[:5]:
        assert {"use_restrictions", "osaid_open"} & set(rec.unmet)


def test_non_commercial_and_commercial_use_by_others_contradict() -> None:
    result = choose(Goals.from_mapping({"non_commercial": True,
                                        "commercial_use_by_others": True}))
    assert any(set(u.goals) == {"non_commercial", "commercial_use_by_others"}
               for u in result.unmet_goals)


def test_vision_model_goals_recommend_the_drafted_template_with_a_partner_track() -> None:
    result = choose(Goals.from_file(EXAMPLES / "vision-foundation-model.yaml"))
    first = result.recommendations[0]
    assert first.key == TEMPLATE_ID and not first.unmet
    assert first.template is not None
    assert first.template.grant is not Grant.OPEN and first.template.partner_track
    assert set(first.template.restrictions) == {"military", "deepfake-impersonation"}
    assert first.draft is not None and "--restrict military,deepfake-impersonation" in first.draft
    why = " ".join(first.why)
    assert "military purposes" in why  # quoted from the drafted text
    assert any("OSI Open Source AI Definition" in t for t in first.tradeoffs)
    # GPL-family works cannot include material under it (they forbid further restrictions)
    assert any(i.startswith("GPL-3.0") for i in first.incompatible_with)


def test_a_llama_upstream_keeps_the_release_under_llama() -> None:
    result = choose(Goals.from_file(EXAMPLES / "llama-finetune.yaml"))
    first = result.recommendations[0]
    assert first.key == "llama-3.1-license-2024" and not first.unmet
    apache = next(r for r in result.recommendations if r.key == "apache-2.0")
    assert "upstream" in apache.unmet
    assert any(i.startswith("llama3.1") for i in apache.incompatible_with)


def test_a_non_commercial_upstream_cannot_allow_commercial_use() -> None:
    result = choose(Goals.from_mapping({"upstream": ["CC-BY-NC-4.0"], "artifact": "data",
                                        "commercial_use_by_others": True}))
    assert any("upstream" in u.goals and "commercial_use_by_others" in u.goals
               for u in result.unmet_goals)


def test_bad_goals_name_the_key_and_suggest_the_closest() -> None:
    with pytest.raises(InputError) as exc:
        Goals.from_mapping({"use_restrictions": ["militray"], "adopton": "high",
                            "copyleft": "strongest"}, "goals.yaml")
    message = str(exc.value)
    assert message.startswith("goals.yaml: ")
    assert "'militray' (did you mean 'military'?)" in message
    assert "'adopton' (did you mean 'adoption'?)" in message
    assert "copyleft: unknown value 'strongest'" in message
    with pytest.raises(InputError, match="unknown license reference"):
        choose(Goals.from_mapping({"upstream": ["not-a-license-xyz"]}))


def test_every_taxonomy_id_is_a_valid_goal() -> None:
    goals = Goals.from_mapping({"use_restrictions": list(taxonomy())})
    assert len(goals.use_restrictions) == len(taxonomy())


def test_interview_asks_only_what_matters() -> None:
    goals = Goals()
    first = next_question(goals)
    assert first is not None and first.key == "artifact"
    goals = answer(goals, first, "weights")
    goals = answer(goals, next_question(goals, ["artifact"]) or first, "")  # upstream: none
    asked = ["artifact", "upstream"]
    q = next_question(goals, asked)
    assert q is not None and q.key == "non_commercial"
    goals = answer(goals, q, "yes")
    asked.append(q.key)
    # non-commercial settles commercial use by others and OSAID openness: never asked
    remaining = []
    while (q := next_question(goals, asked)) is not None:
        remaining.append(q.key)
        asked.append(q.key)
    assert "commercial_use_by_others" not in remaining
    assert "osaid_open" not in remaining
    assert set(remaining) <= {q.key for q in QUESTIONS}


def test_interview_skips_a_question_whose_answers_do_not_change_the_ranking() -> None:
    # with use restrictions wanted, OSAID openness is settled (it cannot be had)
    goals = Goals.from_mapping({"artifact": "weights", "use_restrictions": ["military"]})
    keys = []
    asked = ["artifact", "upstream", "use_restrictions"]
    while (q := next_question(goals, asked)) is not None:
        keys.append(q.key)
        asked.append(q.key)
    assert "osaid_open" not in keys


def test_interview_answers_are_checked() -> None:
    q = next(q for q in QUESTIONS if q.key == "use_restrictions")
    with pytest.raises(InputError, match="did you mean 'deepfake-impersonation'"):
        answer(Goals(), q, "deepfake")
    yes_no = next(q for q in QUESTIONS if q.key == "patent_grant")
    with pytest.raises(InputError, match="yes or no"):
        answer(Goals(), yes_no, "maybe")
    assert answer(Goals(), yes_no, "y").patent_grant is True


def test_a_dataset_gets_a_data_license() -> None:
    result = choose(Goals.from_mapping({"artifact": "data", "adoption": "high",
                                        "attribution": True}))
    first = result.recommendations[0]
    assert first.key == "cc-by-4.0"
    sheet = sheet_for(first.key)
    assert sheet is not None and sheet.family == "data"
    apache = next(r for r in result.recommendations if r.key == "apache-2.0")
    assert any("fit datasets poorly" in t for t in apache.tradeoffs)


def test_weights_trained_on_a_share_alike_dataset_flag_the_gray_area() -> None:
    result = choose(Goals.from_mapping({"artifact": "weights", "upstream": ["CC-BY-SA-4.0"]}))
    assert result.recommendations[0].key == "cc-by-sa-4.0"
    apache = next(r for r in result.recommendations if r.key == "apache-2.0")
    assert any("unsettled" in t for t in apache.tradeoffs)
    assert "upstream" not in apache.unmet  # a question for counsel, not a settled conflict
