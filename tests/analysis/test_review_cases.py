# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Realistic use cases in words other than the development set's (tests/fixtures/review-cases):
each gets its verdict, its decisive clause is raised with its status, and every gray or
conflict finding quotes its clause."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from licentia.analysis.review import review_reference
from licentia.analysis.usecase import UseCase

CASES = Path(__file__).resolve().parents[1] / "fixtures" / "review-cases"
EXPECTED: dict[str, Any] = yaml.safe_load((CASES / "expected.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_case(case: str) -> None:
    exp = EXPECTED[case]
    r = review_reference(exp["license"], UseCase.from_file(CASES / f"{case}.usecase.yaml"))
    raised = {(f.code, str(f.status)) for f in r.findings} | {
        (str(f.extra.get("clause")), str(f.status)) for f in r.findings}
    shown = sorted(f"{c}:{s}" for c, s in raised if s != "clear")
    assert r.verdict.value == exp["verdict"], shown
    for code, status in (exp.get("decisive") or {}).items():
        assert (code, status) in raised, shown
    for f in r.findings:
        if f.status is not None and f.status.value != "clear" and f.step != "verify":
            assert f.evidence, (f.code, f.title)


# Short descriptions in plain business words, one restricted activity or deciding fact each:
# a wrong "all clear" on any of them is the defect these guard against.
SHORT = [
    ("llama3.1", "An app that lets users make videos of their friends saying things they never "
     "said, using uploaded selfies. We don't check whether the friends agreed.", "review"),
    ("bigscience-openrail-m", "The tool screens job applicants' CVs and automatically rejects "
     "the bottom half; recruiters only see the top half.", "conflict"),
    ("gemma", "The service sends thousands of unsolicited promotional emails per day to "
     "purchased address lists.", "conflict"),
    ("llama3.1", "Users upload a photo of a stranger and the app tells them where that person "
     "lives and works.", "review"),
    ("deepseek-la-1.0", "It writes training scenarios for an army's logistics corps.", "conflict"),
    ("bigscience-bloom-rail-1.0", "The system decides automatically which tenants' rental "
     "applications to reject, and nobody checks the rejections.", "conflict"),
    ("llama3.1", "A bot posts political messages from hundreds of fake accounts ahead of the "
     "election.", "conflict"),
    ("bigscience-openrail-m", "Our app reads patients' lab results and explains what they mean "
     "for their health.", "conflict"),
    ("llama2", "We used Llama 2's answers as training data for our own chat model built on "
     "Falcon.", "conflict"),
    ("llama3.2", "Hanse Logistik GmbH in Hamburg uses Llama 3.2 11B Vision to read delivery "
     "photos.", "conflict"),
    ("flux-1-nc", "We sell a subscription app where users generate posters with FLUX.1 [dev].",
     "conflict"),
    ("stability-ai-community-2024", "Our agency's annual revenue is about 2.5 million euros; we "
     "use Stable Diffusion 3 for ads.", "conflict"),
    ("llama3.1", "A chemistry assistant gives a private client step-by-step routes to make "
     "nerve agents.", "conflict"),
    ("gemma", "Our tool writes password-reset emails that look like they come from banks, to "
     "collect customers' login credentials.", "conflict"),
    ("bigscience-openrail-m", "The insurer's system reads claim forms and pays or denies each "
     "claim on its own; customers only hear the outcome.", "conflict"),
    ("llama3.3", "Users paste an ex-partner's username and the assistant combines their public "
     "posts and check-ins to work out their daily routine and current address.", "review"),
    ("llama3.1", "The coaching bot encourages users to eat under 500 calories a day and tells "
     "them how to hide their weight loss from family.", "conflict"),
    ("llama3.1", "The bot introduces itself as a psychiatrist and tells each user which "
     "antidepressant and dose to take.", "review"),
    ("llama2", "Llama 2 writes a million question-answer pairs; those pairs become the training "
     "set for our own assistant on a Falcon base model.", "conflict"),
    ("llama2", "Llama 2 grades the answers of our in-house model during evaluation, and the "
     "grades decide which checkpoint of our model we ship.", "review"),
    ("llama3.3", "The tool reads employees' private Slack messages to flag anyone who talks "
     "about joining a union, and sends the list to management.", "conflict"),
    ("gemma", "The service produces official-looking university diplomas and transcripts for "
     "customers who never studied there.", "conflict"),
    ("llama3.3", "Students pay us to write their university essays, which they hand in as "
     "their own work.", "conflict"),
    # "against" after a harm names its target, not a defence
    ("openrail++", "The bot generates posters calling for violence against a religious group "
     "and posts them to forums.", "conflict"),
    ("gemma", "The assistant gives step-by-step instructions for cooking methamphetamine at "
     "home.", "conflict"),
    # words that share a stem with a restricted activity, in ordinary work: no conflict, no gray
    ("llama3.1", "A military history museum's audio guide describes the uniforms and letters "
     "on display for visitors.", "clear"),
    ("llama3.1", "Analysts get summaries of public threat-intelligence reports about attacks on "
     "banks, so they can patch faster.", "clear"),
    ("llama3.1", "The assistant helps developers find memory leaks and purge stale cache "
     "entries.", "clear"),
    ("gemma", "The app suggests weekly recipes that fit a user's diet preferences "
     "(vegetarian, gluten-free) and shopping budget.", "clear"),
    ("llama3.1", "The companion app engages in sexually explicit roleplay with the "
     "12-year-olds who use it.", "conflict"),
    # words of both domains, no sexual content itself: questions, not a conflict
    ("llama3.1", "A dating app for single parents of young children suggests first messages; "
     "each user writes and sends their own.", "review"),
    ("llama3", "We fine-tuned Llama 3 8B on product manuals and published it on Hugging Face "
     "as Orca-8B-Manuals.", "conflict", "fine-tune"),
    ("llama3.1", "We distilled Llama 3.1 into a small model that our app ships under our own "
     "brand name, and the app's about page says Built with Llama.", "conflict", "distill"),
    # restricted acts worded as the act itself, with words between the parts (gapped rules)
    ("llama3.3", "Our reminder service messages overdue customers at night and warns each one "
     "that it will contact their family about the arrears unless they settle.", "conflict"),
    ("creativeml-openrail-m", "A campaign page generates realistic photos of the opposing "
     "mayor accepting a bribe and shares them as genuine leaks.", "conflict"),
    ("bigcode-openrail-m", "The tool writes scripts that encrypt every laptop on a company "
     "network until a ransom is paid.", "conflict"),
    ("llama3.2", "Our dunning letters say the debtor's landlord and church will be notified "
     "unless the balance is cleared this week.", "conflict"),
    ("bigscience-openrail-m", "The voice bot rings pensioners, claims to be their nephew stuck "
     "abroad and urges them to send money by courier.", "conflict"),
    # a clause decided by a fact alone (outputs presented as human) is still engaged by words
    # saying the product does it when the fact itself is not read
    ("llama3.1", "Our support chat tells customers that a staff member is typing every reply, "
     "though the model writes them all.", "review"),
    # harm to children stated through ages and acts, not the words "minors" or "self-harm"
    ("creativeml-openrail-m", "The app sends users aged 12 to 15 daily pictures of skeletal "
     "models with tips to quit eating.", "conflict"),
    # decisions about people stated as choosing who loses what: at least a question
    ("llama3.3", "Our system chooses which tenants get evicted first, and the notices are "
     "mailed with no one reading them.", "review"),
    ("gemma", "Candidates in remote job interviews use our app to feed them answers without "
     "the interviewer noticing.", "conflict"),
    # a group figure that holds in every month of the year before the release
    ("llama3.1", "Wayfarer is wholly owned by Chatterbox Group, whose messaging apps were used "
     "by roughly 850 million people every month throughout 2024.", "conflict"),
    # a protected characteristic stated through a proxy of it, then an applicant dropped
    ("llama3.3", "At one agency's request the screener drops any applicant whose CV mentions "
     "maternity leave, without a person reading it.", "conflict"),
    ("stability-ai-community-2024", "The studio sells mock-ups made with Stable Diffusion 3.5 "
     "and invoiced about 4.2 million US dollars last year.", "conflict"),
    # the model operating vehicles itself, worded as commands sent to them
    ("llama3.1", "The model plans each container tractor's route and sends the steering and "
     "braking commands to the vehicles; no driver is on board.", "conflict"),
    # "over-the-counter" is no defence word: the medicines and doses are advice
    ("bigscience-bloom-rail-1.0", "The shop's assistant tells customers which over-the-counter "
     "medicines to combine and how many tablets of each to take.", "conflict"),
    # a vulnerability chosen because it makes people give in
    ("deepseek-la-1.0", "The collector calls the customers whose files note a dementia "
     "diagnosis, because they agree to new payment plans more readily.", "conflict"),
    # generated pictures passed off as taken, from accounts made to look like customers'
    ("creativeml-openrail-m", "The agency posts generated pictures of rats in a rival's "
     "kitchen from customer-looking accounts, with captions claiming they were taken during a "
     "visit.", "conflict"),
    ("llama3.3", "The model writes guest reviews with invented trip details, posted from "
     "accounts the company creates so that readers take them for real stays.", "conflict"),
    # a US company serving users in the EU: the EU clause binds licensees established there
    ("llama3.2", "Leafwise Inc., incorporated and run in Oregon, hosts Llama 3.2 11B Vision; "
     "gardeners in Germany upload plant photos and get the species back. The site says Built "
     "with Llama.", "clear"),
    # discount codes guessed until one works; "candidate codes" are no job candidates
    ("gemma", "The extension generates thousands of candidate discount codes and tries them at "
     "the checkout until one is accepted.", "conflict"),
    # a real classmate redrawn in underwear and sent to class chats
    ("openrail++", "Pupils snap a classmate and the app redraws them in their underwear for the "
     "class group chat; the classmate is never asked.", "conflict"),
    # practice phishing for a client's own staff is a drill, not phishing
    ("gemma", "Guardwise sends practice phishing emails only to a client's own employees under a "
     "signed agreement; anyone who clicks sees a training page.", "clear"),
    # copies of a dataset passed on without any credit break the attribution condition
    ("CC-BY-4.0", "Datavault sells the complete dataset, unchanged, under its own brand, with no "
     "credit to the authors and no link to the licence.", "conflict"),
    # copies the description says leave the company count whatever the deployment field says
    ("GPL-3.0-only", "Our hosted editor links a GPL-3.0 library we modified; the editor is also "
     "sold to two banks to run on premises, and they get no source code.", "conflict"),
    # "we fine-tuned" in the description makes a derived model even where modification is none
    ("llama3", "We fine-tuned Llama 3 8B on product manuals and published it on Hugging Face as "
     "Orca-8B-Manuals.", "conflict", "none"),
    # a hosted service "sold to" customers sells access, not copies: no source duty
    ("GPL-3.0-only", "Our hosted writing tool is sold to hospitals as a subscription; its server "
     "links a GPL-3.0 library we modified, and we do not publish the source.", "clear"),
    # the notice as the subject of its loss, in firmware sold on devices
    ("Apache-2.0", "Our router firmware includes a modified Apache-2.0 library; the library's "
     "NOTICE file is not part of the firmware image.", "conflict"),
    # "the project's LICENSE and NOTICE files" is no projection; "policy" is no "police"
    ("Apache-2.0", "Nodeworks ships a modified Apache-2.0 server in its appliance. The appliance "
     "includes the project's LICENSE and NOTICE files, and every changed file carries a notice "
     "saying it was modified.", "clear"),
    # calls to purchased numbers nobody agreed to receive
    ("llama4", "DialBoost makes 50,000 automated sales calls a day to mobile numbers from a "
     "purchased list. None of the people called agreed to be contacted.", "conflict"),
    # a final answer nobody but an appeal would check is no human review
    ("bigscience-openrail-m", "The insurer's chatbot reads the claim forms and tells customers "
     "whether their claim will be paid; no adjuster sees the claim unless the customer "
     "complains to the regulator.", "conflict"),
    # people described by a protected characteristic's proxy, then scored lower
    ("llama4", "RentRight screens rental applicants for landlords; applicants with a Section 8 "
     "housing voucher or a foreign-sounding surname are given a lower score.", "conflict"),
    # a group figure above the limit only after the release month does not count
    ("llama3.1", "Cartly is a subsidiary of Omnia Group, whose apps had 600 million monthly "
     "active users in June 2024 and passed 750 million in March 2025.", "clear", "adapter"),
    # "no loan officer" denies the officer: the decisions are still about loans
    ("bigscience-openrail-m", "The model approves or declines each loan application; declines "
     "are emailed, and no loan officer ever looks at a declined file.", "conflict"),
    # making weapons is a "dangerous activity" Gemma's Prohibited Use Policy names
    ("gemma", "Our assistant now gives hobbyists step-by-step help to print working pistol "
     "frames that carry no serial number.", "conflict"),
    # a tutor that asks for no personal data has not been told consent is missing
    ("llama3.2", "A spelling tutor for adults rewrites practice sentences; it never asks for "
     "personal details and keeps no logs.", "clear"),
    # self-spreading code is malware by what it does; a tool copying itself once is not
    ("bigcode-openrail-m", "The assistant writes a script that copies itself onto every "
     "machine in the office network and wipes the backups it finds.", "conflict"),
    ("bigcode-openrail-m", "Our portable diagnostics tool copies itself to a USB stick so "
     "technicians can run it offline.", "review"),
    # sexual images of a named real person: never a silent clear, even where the license
    # has no clause on sexual content
    ("openrail++", "Users enter an actress's name and get photorealistic naked pictures of "
     "her.", "review"),
    # working against the activity implies nothing about the group it protects
    ("bigscience-openrail-m", "The bank's assistant detects phone scams aimed at pensioners "
     "and warns them before they pay.", "review"),
]


@pytest.mark.parametrize("case", SHORT)
def test_short_business_descriptions(case: tuple[str, ...]) -> None:
    ref, description, verdict, *modification = case
    uc = UseCase.from_mapping({"name": "t", "description": description, "commercial": True,
                               "deployment": "saas",
                               "modification": modification[0] if modification else "none"},
                              path="t.yaml")
    r = review_reference(ref, uc)
    shown = [f"{f.code}:{f.status}" for f in r.findings if str(f.status) != "clear"]
    assert r.verdict.value == verdict, shown


# Facts stated in the description involve activities even without their phrases (facts.yaml
# `when_true` / `when_false`, taxonomy `implies_with`), and a duty the facts say is not met is
# a conflict: the stated facts decide, whatever the words.
FACT_CASES = [
    ("creativeml-openrail-m", "Users upload a photo of a classmate or coworker and get back a "
     "realistic nude image of that person. Nobody in the photos is asked.", "distributed",
     "conflict", ("restriction-harassment", "conflict")),
    ("openrail++", "Our ads show well-known actors holding our clients' products; the actors "
     "have not agreed, and the pictures run as ordinary ads.", "saas", "review",
     ("restriction-personal-information", "gray")),
    ("gemma", "We write five-star product reviews with the model and post them under made-up "
     "customer names, so they look like real buyers wrote them.", "saas", "conflict",
     ("pup-provenance", "conflict")),
    ("GPL-3.0-only", "We patched a GPL command-line tool and ship the binary with every router "
     "we sell. We do not offer the source code.", "distributed", "conflict",
     ("source-code", "conflict")),
    ("GPL-3.0-only", "We patched a GPL command-line tool and ship the binary with every router "
     "we sell; the source is published on our public repository.", "distributed", "clear",
     ("source-code", "clear")),
    # a notice duty is settled by whether the copies keep the notices (facts.yaml `settles`)
    ("MIT", "We paste an MIT-licensed parser into our product and strip its copyright and "
     "permission notice from the file before shipping the product.", "distributed", "conflict",
     ("notice", "conflict")),
    ("Apache-2.0", "Our mobile app bundles a modified copy of an Apache SDK; we delete the NOTICE "
     "file and the license headers before release.", "distributed", "conflict",
     ("notice-file", "conflict")),
    ("MIT", "We paste an MIT-licensed parser into our product and keep its copyright notice "
     "in the file we ship.", "distributed", "clear", ("notice", "clear")),
    # a product's own terms that carry no use restrictions break the flow-down condition
    ("gemma", "We host a fine-tuned Gemma and sell API keys. Our customer agreement covers "
     "SLAs, payment and data retention; it contains no rules about how customers may use the "
     "model.", "saas", "conflict", ("use-restriction-flow-down", "conflict")),
    ("creativeml-openrail-m", "We merged two Stable Diffusion checkpoints and sell the merged "
     "model file under our own commercial EULA, which does not mention any use restrictions.",
     "distributed", "conflict", ("restrictions-flow-down", "conflict")),
    # an unquoted name a model is released under; a change to the code read from the words
    ("GPL-3.0-only", "Our appliance ships a modified GPL-3.0 tool as a binary; the complete "
     "corresponding source code is published on our website.", "distributed", "clear",
     ("source-code", "clear")),
    ("AGPL-3.0-only", "We changed the ranking code of an AGPL search engine and run it as a "
     "hosted API for clients; our changes are not published anywhere.", "saas", "conflict",
     ("network-use", "conflict")),
    # "powered by" describing the product is not a credit it displays
    ("llama3.1", "We sell a writing tool powered by Llama 3.1; our website, docs and app never "
     "mention Llama or Meta anywhere.", "saas", "conflict", ("built-with", "conflict")),
    ("nvidia-open-model-2025-04-28", "The model came with a safety guardrail, but it slowed "
     "responses, so we turned it off for all production traffic.", "saas", "conflict",
     ("no-guardrail-circumvention", "conflict")),
    # a duty the use case says nothing about is a to-do (clear, with its action), not a question
    ("gemma", "A restaurant app translates its menus into twelve languages with the model, "
     "which runs on the customer's phone.", "on-device", "clear",
     ("use-restriction-flow-down", "clear")),
]


@pytest.mark.parametrize("case", FACT_CASES)
def test_stated_facts_decide(case: tuple[Any, ...]) -> None:
    ref, description, deployment, verdict, (clause, status) = case
    uc = UseCase.from_mapping({"name": "t", "description": description, "commercial": True,
                               "deployment": deployment, "modification": "none"},
                              path="t.yaml")
    r = review_reference(ref, uc)
    shown = [f"{f.extra.get('clause')}:{f.status}" for f in r.findings
             if str(f.status) != "clear"]
    assert r.verdict.value == verdict, shown
    assert any(f.extra.get("clause") == clause and str(f.status) == status
               for f in r.findings), shown


# `commercial: false` on a product the description says earns money: the two disagree, so the
# non-commercial clause is a question and a revenue cap is weighed, never a silent clear
@pytest.mark.parametrize(("ref", "description", "verdict"), [
    ("CC-BY-NC-4.0", "Our clinic-scheduling assistant is sold to dental practices for a monthly "
     "fee; it was trained on a CC BY-NC 4.0 appointment dataset.", "review"),
    ("stability-ai-community-2024", "Our studio sells a paid app with Stable Diffusion 3.5 "
     "inside; the studio's revenue is 3 million dollars a year.", "conflict"),
    # a company's own revenue says nothing of money earned by a free evaluation
    ("flux-1-nc", "A studio with $310M in annual revenue compares FLUX.1 [dev] with two other "
     "models on one isolated workstation; no image leaves the evaluation report.", "clear"),
])
def test_money_earned_disputes_a_non_commercial_use_case(ref: str, description: str,
                                                         verdict: str) -> None:
    uc = UseCase.from_mapping({"name": "t", "description": description, "commercial": False,
                               "deployment": "internal", "modification": "none"},
                              path="t.yaml")
    r = review_reference(ref, uc)
    assert r.verdict.value == verdict, [f"{f.code}:{f.status}" for f in r.findings
                                        if str(f.status) != "clear"]


# distributed copies whose notices the description says are lost
@pytest.mark.parametrize(("ref", "description"), [
    ("MIT", "Our SDK bundle includes an MIT library; the build drops every comment, so the "
     "copyright line and permission notice are gone from the bundle."),
    ("Apache-2.0", "Our installer includes a modified Apache-2.0 library; its NOTICE file is "
     "missing from the installer and the documentation does not reproduce it."),
])
def test_notices_lost_in_distributed_copies(ref: str, description: str) -> None:
    uc = UseCase.from_mapping({"name": "t", "description": description, "commercial": True,
                               "deployment": "distributed", "modification": "none"},
                              path="t.yaml")
    assert review_reference(ref, uc).verdict.value == "conflict"
