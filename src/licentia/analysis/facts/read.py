# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Read a use case into named facts before any restriction is looked at.

The description is parsed once (spaCy, see nlp.py); each fact's phrases (analysis/data/facts.yaml)
are matched on lemmas and every hit is checked for negation and hedging in its own clause. The
structured keys (deployment, modification, figures) give facts of their own, and explicit
`facts:` answers override everything read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from licentia.analysis.facts.figures import figures, group_names
from licentia.analysis.facts.model import Fact, Facts, Figure, Source
from licentia.analysis.facts.named import named_licenses
from licentia.analysis.facts.nlp import DETERMINERS, Phrases, lower, parse, rules, scope_reader
from licentia.analysis.usecase import Deployment, Modification, UseCase

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_KINDS = ("holds", "fails", "fails_if_negated", "holds_if_negated", "holds_unless_negated")
_QUOTES = {'"', "\u201c", "\u201d"}
_RELEASE_VERBS = {"release", "publish", "ship", "name", "call", "present", "sell", "list",
                  "launch", "brand", "market", "distribute", "upload"}


@cache
def _fact_phrases() -> Phrases:
    groups: dict[str, list[str]] = {}
    bridged: list[str] = []
    for name, spec in (rules().get("facts") or {}).items():
        for kind in _KINDS:
            groups[f"{name}|{kind}"] = list((spec or {}).get(kind) or ())
            if (spec or {}).get("bridged"):
                bridged.append(f"{name}|{kind}")
    return Phrases(groups, bridged)


@cache
def _domicile_phrases() -> Phrases:
    spec = rules().get("domicile") or {}
    return Phrases({k: spec.get(k) or () for k in (
        "cues", "seat_cues", "affiliate_cues", "eu_places", "eu_company_forms", "non_eu_places",
        "place_suffixes", "eu_nationalities", "non_eu_nationalities", "org_nouns")})


@cache
def _voiding(key: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Per fact, the words that, right after (`not_before`) or right before (`not_after`) a
    phrase, make it speak of something else: "ask" before "for personal details" is no
    consent question, an authority a form is "filed with" is not the product's user."""
    return {name: tuple(tuple(str(w).split()) for w in (spec or {}).get(key) or ())
            for name, spec in (rules().get("facts") or {}).items()}


def _voided(doc: Doc, start: int, end: int, name: str) -> bool:
    after = [t.lemma_ or t.text for t in doc[end:end + 6]]
    before = [t.lemma_ or t.text for t in doc[max(0, start - 6):start]]
    while before and before[-1] in DETERMINERS:
        before.pop()  # "filed with the immigration authority"
    return any(tuple(after[:len(words)]) == words for words in _voiding("not_before").get(
        name, ())) or any(len(words) <= len(before) and tuple(before[-len(words):]) == words
                          for words in _voiding("not_after").get(name, ()))


@cache
def _claim_phrases() -> Phrases:
    return Phrases({"claims": rules().get("claims") or ()})


def _claimed(doc: Doc, start: int, claims: list[tuple[str, int, int]]) -> bool:
    """Whether words are what the product or its maker claims, not a fact: inside quotation
    marks, or a few words after "introduces itself as", "claims to be" in their clause (a
    title's full stop does not end it: "introduces itself as Dr. Lena, a psychiatrist")."""
    sent = doc[start].sent
    quotes = sum(1 for t in doc[sent.start:start] if t.text in _QUOTES)
    return quotes % 2 == 1 or any(
        0 <= start - e <= 12 and not any(_ends_clause(t) or t.lower_ in _CONTRASTS
                                         for t in doc[e:start + 1])
        for _l, _s, e in claims)


# words after which the claim's rule is contrasted with what happens ("the terms say users
# must have consent, but the app does not check")
_CONTRASTS = {"but", "yet", "however", "though", "although"}


_TITLES = {"dr", "mr", "mrs", "ms", "prof", "st", "mx"}


def _ends_clause(t: Token) -> bool:
    return t.text in (";", "!", "?") or (t.text == "." and not (
        t.i and t.doc[t.i - 1].lower_ in _TITLES))


def read_facts(uc: UseCase) -> Facts:
    """Every named fact of a use case, with the words it rests on."""
    doc = parse(uc.description)
    text = uc.description
    marks = scope_reader().marks(doc)
    spec = rules().get("facts") or {}
    facts = {name: _settle(name, found, (spec.get(name) or {}).get("prefer"))
             for name, found in _phrase_readings(doc, text, marks, spec).items()}
    _implied(facts, spec)
    facts.update(_domicile(doc, text, marks))
    hedged = {i for s, e in marks.get("hedge", ()) for i in range(s, doc[s].sent.end)}
    found = figures(doc, text, group_names(doc, text, {}), hedged)
    _priced(found, facts)
    _structured(uc, facts)
    facts = {**facts, **_answers(uc)}
    names = _names(doc, text)
    return Facts(facts, tuple(found), names, named_licenses(doc, text, [n for n, _ in names]))


def _phrase_readings(doc: Doc, text: str, marks: dict[str, list[tuple[int, int]]],
                     spec: Mapping[str, Any]) -> dict[str, list[Fact]]:
    """Each fact's readings from its phrases, with negation and hedges applied."""
    reader = scope_reader()
    readings: dict[str, list[Fact]] = {}
    claims = _claim_phrases()(doc)
    for label, s, e in _outermost(_fact_phrases()(doc)):
        name, kind = label.split("|")
        if _voided(doc, s, e, name) or ((spec.get(name) or {}).get("not_in_claims")
                                        and _claimed(doc, s, claims)) \
                or not _near_topic(doc[s].sent, (spec.get(name) or {}).get("only_near")):
            continue
        scope = reader.of(doc, marks, s, e)
        negated = scope.negated_by is not None
        if (kind.endswith("_if_negated") and not negated) or \
                (kind.endswith("_unless_negated") and negated):
            continue
        value = kind.startswith("holds")
        if negated and not kind.endswith("_if_negated"):
            value = not value
        words = _words(doc, text, s, e, scope.negated_by)
        sweeping = negated and _sweeping(doc[s].sent)
        readings.setdefault(name, []).append(Fact(
            name, None if scope.hedged_by else value, words, hedged=scope.hedged_by is not None,
            maybe=value if scope.hedged_by else None, sweeping=sweeping,
            rule=f"{kind} phrase {doc[s:e].text!r}"
            + (f", negated by {scope.negated_by!r}" if negated else "")
            + (", anywhere" if sweeping else "")
            + (f", hedged by {scope.hedged_by!r}" if scope.hedged_by else "")))
    return readings


def _near_topic(sent: Span, words: list[str] | None) -> bool:
    """Whether a fact read only near some words (`only_near`: the trained model's kind where
    the description speaks of training) has one of them in the sentence."""
    return not words or any(t.lower_ in words or t.lemma_ in words for t in sent)


def _sweeping(sent: Span) -> bool:
    """A denial over every place or form ("do not mention NVIDIA anywhere", "no credit
    anywhere else"): it outweighs a reading that says otherwise in one place."""
    words = {str(w) for w in (rules().get("scope") or {}).get("sweeping") or ()}
    return any(t.lower_ in words for t in sent)


def _outermost(found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The readings not inside a longer reading of the same fact: "removes all comments,
    including the copyright notice" is a removal, though "including the copyright notice"
    alone would say the notice is kept."""
    def fact(label: str) -> str:
        return label.split("|")[0]
    return [t for t in found if not any(
        fact(o[0]) == fact(t[0]) and o[1] <= t[1] and t[2] <= o[2] and o[2] - o[1] > t[2] - t[1]
        for o in found)]


def _words(doc: Doc, text: str, s: int, e: int, negation: str | None) -> str:
    start = doc[s].idx
    if negation:
        for t in doc[doc[s].sent.start:s]:
            if t.text == negation.split()[0] and s - t.i <= 8:
                start = t.idx
                break
    end = doc[e - 1].idx + len(doc[e - 1].text)
    return text[start:end]


def _settle(name: str, found: list[Fact], prefer: str | None) -> Fact:
    """One fact from its readings: they agree, or the data says which reading wins where they
    disagree ("no underwriter looks at some" beats "others go to an underwriter": some
    decisions are made without review), or a denial "anywhere" wins, or it stays unknown with
    both words."""
    known = [f for f in found if f.value is not None]
    if prefer and len({f.value for f in known}) > 1:
        known = [f for f in known if f.value is (prefer == "holds")]
    if len({f.value for f in known}) > 1 and any(f.sweeping for f in known):
        known = [f for f in known if f.sweeping]
    values = {f.value for f in known}
    doubts = [f for f in found if f.hedged and f.maybe is not None and f.maybe not in values]
    if known and doubts:
        return Fact(name, None, "; ".join(dict.fromkeys(f.words for f in [*known, *doubts])),
                    hedged=True, rule=f"{known[0].rule}; but {doubts[0].rule}")
    if len(values) == 1:
        first = known[0]
        return Fact(name, first.value, "; ".join(dict.fromkeys(f.words for f in known)),
                    rule=first.rule)
    if not known:
        return Fact(name, None, found[0].words, hedged=True, rule=found[0].rule,
                    maybe=found[0].maybe)
    return Fact(name, None, "; ".join(dict.fromkeys(f.words for f in known)), hedged=True,
                rule="the description says both", maybe=True)


def _implied(facts: dict[str, Fact], spec: Mapping[str, Any]) -> None:
    """Facts a true fact implies (`implies`), where the text leaves them unknown."""
    for name, fact in list(facts.items()):
        if fact.value is not True:
            continue
        for other in (spec.get(name) or {}).get("implies") or ():
            if other not in facts or facts[other].value is None:
                facts[other] = Fact(other, True, fact.words, rule=f"implied by {name}")


def _priced(found: list[Figure], facts: dict[str, Fact]) -> None:
    """A price the description states ("we sell it for 15 euros") earns money, where no phrase
    of the description said whether it does."""
    price = next((f for f in found if f.measure == "price" and not f.hedged), None)
    if price is not None and facts.get("earns_money", Fact("earns_money", None)).value is None:
        facts["earns_money"] = Fact("earns_money", True, price.words,
                                    rule=f"a price ({price.words!r})")


def _domicile(doc: Doc, text: str, scope: dict[str, list[tuple[int, int]]]) -> dict[str, Fact]:
    """Where the licensee (and an affiliate) is established, from a cue and a place; a seat in
    a sentence that doubts it or moves it ("is moving its headquarters from London to Paris")
    is open."""
    marks = _domicile_phrases()(doc)
    places = [(label, s, e) for label, s, e in marks
              if label in ("eu_places", "non_eu_places", "eu_company_forms")]
    out: dict[str, Fact] = {}
    ranks: dict[str, int] = {}
    for label, s, e in marks:
        if label not in ("cues", "seat_cues"):
            continue
        rank = _seat_rank(label, doc[s:e].text)
        if _third_party_before(doc, s):
            continue  # "its largest customer, Moda Centrale S.p.A. of Milan"
        sent = doc[s].sent
        # "of" names a place only right after it ("Bonnetje of Amsterdam"), not "a third of
        # its users live in Spain"; a seat reaches the first place in its clause
        # reach 5, not past a new clause or a year ("incorporated in 2021 and sells in Spain")
        reach = 0 if doc[s:e].text == "of" else 9 if label == "seat_cues" else 5
        stops = (";", ".") if label == "seat_cues" else (";", ".", ",", "and", "but", "while")
        clause = next((t.i for t in doc[e:sent.end] if t.text in stops
                       or (label == "cues" and t.like_num)), sent.end)
        after = [p for p in places if e <= p[1] <= e + reach and p[2] <= clause]
        if not after:
            continue
        place = after[0]
        affiliate = any(lab == "affiliate_cues" and sent.start <= ps < s
                        for lab, ps, _pe in marks)
        name = "affiliate_in_eu" if affiliate else "licensee_in_eu"
        if name in out and rank <= ranks[name]:
            continue
        ranks[name] = rank
        words = text[doc[s].idx:doc[place[2] - 1].idx + len(doc[place[2] - 1].text)]
        value = place[0] != "non_eu_places"
        unsettled = _unsettled(sent, scope)
        out[name] = Fact(name, None if unsettled else value, words, hedged=bool(unsettled),
                         maybe=True if unsettled else None,
                         rule=f"place of establishment {doc[place[1]:place[2]].text!r}"
                         + (f", in doubt ({unsettled!r})" if unsettled else ""))
    _described(doc, text, marks, places, out)
    forms = [(s, e) for label, s, e in marks if label == "eu_company_forms"
             and not _third_party_before(doc, s)]
    for s, _e in forms:
        sent = doc[s].sent
        if "affiliate_in_eu" not in out and any(
                lab == "affiliate_cues" and sent.start <= ps < sent.end for lab, ps, _pe in marks):
            out["affiliate_in_eu"] = Fact("affiliate_in_eu", True, sent.text.strip()[:120],
                                          rule="an affiliate with an EU company form")
    if "licensee_in_eu" not in out and forms:
        s, e = forms[0]
        out["licensee_in_eu"] = Fact("licensee_in_eu", True, text[doc[s].idx:doc[e - 1].idx
                                                                  + len(doc[e - 1].text)],
                                     rule="an EU company form")
    lic, aff = out.get("licensee_in_eu"), out.get("affiliate_in_eu")
    if lic is not None and lic.value is False and aff is not None and aff.value is True:
        out["licensee_in_eu"] = Fact("licensee_in_eu", None, f"{lic.words}; {aff.words}",
                                     hedged=True, maybe=True,
                                     rule="the licensee is established outside the EU, an "
                                          "affiliate inside it")
    return out


# words between a nationality and a noun that make the noun another thing's ("a German
# supplier but the company is Chilean")
_CLAUSE_BREAKS = {"but", "and", "or", "while", "whereas", "although", "though", "yet"}


def _third_party_before(doc: Doc, s: int) -> bool:
    """Whether a seat cue or company form belongs to someone the licensee deals with ("its
    largest customer, Moda Centrale S.p.A. of Milan"): a third-party noun up to eight words
    before it, with no full stop (but a company form's own), "we" or "our" between."""
    spec = rules().get("domicile") or {}
    parties = {str(w) for w in spec.get("third_parties") or ()}
    for t in reversed(doc[max(0, s - 8):s]):
        # a full stop ends the search, not one of a company form's ("S.p.A. of Milan")
        if t.lower_ in ("we", "our", "us") or t.text in ("!", "?", ";") or (
                t.text == "." and t.i > 0 and "." not in doc[t.i - 1].text):
            return False
        if t.lower_ in parties:
            return True
    return False


def _seat_rank(label: str, cue: str) -> int:
    """How much a cue says about the principal place of business: where the company is run
    (head office, management) over where it merely is (based in), over where it was registered
    ("incorporated in Delaware for investor reasons, but run from Rotterdam")."""
    registration = {str(c) for c in (rules().get("domicile") or {}).get("registration_cues") or ()}
    return 2 if label == "seat_cues" else 0 if cue.lower() in registration else 1


# words that put a seat in motion: where the licensee will be established is open
_MOVING = {"move", "moving", "moves", "relocate", "relocates", "relocating", "relocation",
           "redomicile", "redomiciling", "reincorporate", "reincorporating"}


def _unsettled(sent: Span, marks: dict[str, list[tuple[int, int]]]) -> str | None:
    """A doubt in the sentence, or a move of the seat it names."""
    doubt = next((sent.doc[s:e].text for s, e in marks.get("doubt", ())
                  if sent.start <= s < sent.end), None)
    return doubt or next((t.text for t in sent if t.lower_ in _MOVING), None)


def _described(doc: Doc, text: str, marks: list[tuple[str, int, int]],
               places: list[tuple[str, int, int]], out: dict[str, Fact]) -> None:
    """A place before "-based" or an organisation noun ("a Paris-based lender", "a Texas
    company"), or a nationality before one ("a German insurer"): where the licensee is
    established; where the noun is "subsidiary" or "affiliate", where that affiliate is."""
    found: list[tuple[int, int, bool, bool]] = []  # start, end, in the EU, an affiliate
    def org_after(e: int) -> tuple[int, int] | None:
        # "a German insurer", not "a German supplier but the company": nothing between names
        # another thing or starts another clause
        return next(((ps, pe) for lab, ps, pe in marks if lab == "org_nouns" and e <= ps <= e + 3
                     and not any(t.lower_ in _CLAUSE_BREAKS or t.is_punct for t in doc[e:ps])),
                    None)
    for label, s, e in [*places, *marks]:
        if label in ("eu_places", "non_eu_places"):
            based = any(lab == "place_suffixes" and e <= ps <= e + 1 for lab, ps, _pe in marks)
            org = org_after(e)
            if based or org:
                noun = doc[org[0]:org[1]].text if org else ""
                found.append((s, org[1] if org else e + 2, label == "eu_places",
                              noun in ("subsidiary", "affiliate")))
        elif label in ("eu_nationalities", "non_eu_nationalities") and (org := org_after(e)):
            found.append((s, org[1], label == "eu_nationalities",
                          doc[org[0]:org[1]].text in ("subsidiary", "affiliate")))
    for s, e, in_eu, affiliate in sorted(set(found)):
        name = "affiliate_in_eu" if affiliate else "licensee_in_eu"
        if name not in out:
            end = doc[min(e, len(doc)) - 1]
            out[name] = Fact(name, in_eu, text[doc[s].idx:end.idx + len(end.text)],
                             rule="a place or nationality describing the organisation")


def _names(doc: Doc, text: str) -> tuple[tuple[str, bool], ...]:
    """Quoted names, each with whether its sentence releases or names something."""
    out = []
    opened: int | None = None
    for t in doc:
        if t.text not in _QUOTES:
            continue
        if opened is None:
            opened = t.i
            continue
        span = doc[opened + 1:t.i]
        opened = None
        if not _name_like(text[span.start_char:span.end_char]):
            continue
        name = text[span.start_char:span.end_char]
        # its own sentence, or any sentence naming it again ("Wren-3B is released on ...")
        sents = [span.sent, *(x for x in doc.sents if name in text[x.start_char:x.end_char])]
        out.append((name, any({w.lemma_ for w in x} & _RELEASE_VERBS for x in sents)))
    quoted = {name for name, _ in out}
    out += [(name, True) for name in _bare_names(doc, text) if name not in quoted]
    return tuple(out)


# an unquoted name after "as", "called", "named" or "the name" in a sentence that releases
# something ("published it on Hugging Face as Orca-8B-Support"): capitalised words, digits,
# hyphens
_BARE_NAME = re.compile(r"\b(?:as|called|named|the name)\s+"
                        r"([A-Z][\w.+-]*(?:\s+(?:[A-Z0-9][\w.+-]*)){0,3})")


def _bare_names(doc: Doc, text: str) -> list[str]:
    out = []
    for sent in doc.sents:
        if not {w.lemma_ for w in sent} & _RELEASE_VERBS:
            continue
        original = text[sent.start_char:sent.end_char]
        for m in _BARE_NAME.finditer(original):
            name = m.group(1).rstrip(".,;:")
            if _name_like(name):
                out.append(name)
    return out


_FUNCTION_WORDS = {"with", "by", "on", "our", "the", "of", "for", "and", "a", "an", "in", "to"}


def _name_like(quoted: str) -> bool:
    """A quoted product or model name ("Kestrel Mini", "Nimbus-2B"), not a quoted phrase
    ("Built with Llama", "no-refusals"): a few words, capitalised, no function words."""
    words = quoted.split()
    return 0 < len(words) <= 4 and quoted[:1].isupper() and not any(
        w.lower().strip(",.") in _FUNCTION_WORDS for w in words)


def _structured(uc: UseCase, facts: dict[str, Fact]) -> None:
    """Facts the structured keys settle (the prose may still say more)."""
    def put(name: str, value: bool | None, words: str) -> None:
        if value is not None and (name not in facts or facts[name].value is None):
            facts[name] = Fact(name, value, words, Source.FIELD)

    dep, mod = uc.deployment, uc.modification
    made = facts.get("derivative_distributed")
    if made is not None and made.value is True:
        put("model_reaches_others", True, made.words)  # a product made with it reaches others
    put("commercial_use", uc.commercial, f"commercial: {str(uc.commercial).lower()}")
    if dep is not None:
        reaches = dep is not Deployment.INTERNAL
        put("model_reaches_others", reaches, f"deployment: {dep.value}")
        put("outputs_published", True if reaches else None, f"deployment: {dep.value}")
        if not reaches:
            put("outputs_published", False, f"deployment: {dep.value}")
        if mod is not None:
            own = mod is not Modification.DISTILL
            put("distributes_licensed_model", (reaches and own) or None if reaches else False,
                f"deployment: {dep.value}, modification: {mod.value}")
        reaches = dep is not Deployment.INTERNAL
        put("derivative_distributed", reaches and (
            (mod is not None and mod is not Modification.NONE)
            or bool(uc.outputs_train_other_models)) if reaches else False,
            f"deployment: {dep.value}")
        if not uc.commercial:
            put("paid_access_to_model", False, "commercial: false")
        elif reaches:
            put("paid_access_to_model", True, f"commercial: true, deployment: {dep.value}")
    elif not uc.commercial:
        put("paid_access_to_model", False, "commercial: false")
    if mod is not None and mod is not Modification.NONE:
        facts["work_modified"] = Fact("work_modified", True, f"modification: {mod.value}",
                                      Source.FIELD)


def _answers(uc: UseCase) -> Mapping[str, Fact]:
    return {name: Fact(name, value, f"facts: {name}: {value}", Source.ANSWER)
            for name, value in uc.facts.items()}


def figures_of(facts: Facts, measure: str) -> list[Figure]:
    return [f for f in facts.figures if f.measure == measure]


def describe(fact: Fact) -> str:
    """The fact in a few words, for findings."""
    shown: Any = {True: "yes", False: "no", None: "unknown"}.get(fact.value, fact.value) \
        if isinstance(fact.value, bool | None) else fact.value
    return f"{fact.name} = {shown}" + (f" ({fact.words!r})" if fact.words else "")


__all__ = ["describe", "figures_of", "lower", "read_facts"]
