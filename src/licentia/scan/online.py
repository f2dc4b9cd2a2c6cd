# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia scan org/name --online`: a model the local Hugging Face cache lacks, read from the
Hub with huggingface_hub, without downloading its weights. The repository's listing at its
current revision (`HfApi.model_info`); its model card and license-like files (LICENSE, LICENCE,
COPYING, NOTICE, USE_POLICY, ... and `LICENSES/`) fetched into a snapshot-shaped folder, which
`scan` then reads like a local snapshot; the weights' own metadata read remotely: safetensors
`__metadata__` through `HfApi.get_safetensors_metadata` (the header of each file, by range),
GGUF headers by ranged reads through `HfFileSystem` into a sparse file that `gguf` reads. The
card data of the base models and datasets the card names (`model_info` / `dataset_info`), so
that the lineage is judged as when their cards are in the local cache.

The API and file-system objects are parameters (`licentia.hfhub` makes the real ones): tests
pass fakes, and nothing here runs unless the user passed `--online`. The Hub unreachable, the
model absent, private or gated: InputError, one line.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from licentia.errors import InputError
from licentia.hfhub import card_data, network_errors, reason
from licentia.scan.hfcache import local_snapshot
from licentia.scan.model import CARD_NAMES, read_card
from licentia.scan.weights import (
    WeightsInfo,
    is_weights,
    read_gguf,
    read_gguf_head,
    safetensors_info,
    short,
)

# a file named so (any folder, any suffix: LICENSE-MIT, NOTICE.txt) is fetched
LICENSE_LIKE = ("LICENSE", "LICENCE", "COPYING", "NOTICE", "UNLICENSE", "COPYRIGHT", "USE_POLICY",
                "ACCEPTABLE_USE_POLICY", "AUP", "RESPONSIBLE_AI_LICENSE")
MAX_TEXT_BYTES = 4 << 20  # a license-like file larger than this is not fetched
MAX_HEADERS = 64  # weight files whose metadata is read (a sharded model has many)
MAX_RELATED = 32  # base models and datasets whose card data is read
_REPO_NAME = re.compile(r"^(?:[\w.-]{1,96}/)?[\w.-]{1,96}$")
_CARD_KEYS = ("license", "license_name", "license_link", "base_model", "base_model_relation",
              "datasets", "model_name")
GGUF_STEPS = (1 << 20, 4 << 20, 16 << 20, 64 << 20)  # how much of a GGUF file is read, at most
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Remote:
    """What was read from the Hub: the repository at one revision, the files fetched into
    `folder` (a snapshot: `models--org--name/snapshots/<revision>`), the files left there
    with the reason, and the weights' metadata read remotely."""

    repo_id: str
    revision: str  # the commit read
    endpoint: str
    folder: Path
    fetched: tuple[str, ...]
    not_fetched: tuple[tuple[str, str], ...]  # (path, why)
    weights: tuple[WeightsInfo, ...]
    # the card data of the base models and datasets the card names (`model:org/name` or
    # `dataset:org/name` -> a card file holding it as front matter)
    cards: dict[str, Path] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"{self.endpoint.rstrip('/')}/{self.repo_id}/tree/{self.revision}"

    @property
    def files_url(self) -> str:
        """Where a file of this revision is shown (the URL of `path` is this plus `path`)."""
        return f"{self.endpoint.rstrip('/')}/{self.repo_id}/blob/{self.revision}/"

    def to_json(self) -> dict[str, Any]:
        return {"repo_id": self.repo_id, "revision": self.revision, "url": self.url,
                "fetched": list(self.fetched),
                "not_fetched": [{"path": p, "reason": r} for p, r in self.not_fetched],
                "weights_read_remotely": [w.path for w in self.weights],
                "cards_read": sorted(self.cards)}


def wanted(rel: str) -> bool:
    """A file `scan` needs of a model: its card, or a license-like file (never a path that
    would leave the folder it is fetched into)."""
    if rel.startswith("/") or ".." in rel.split("/") or "\\" in rel:
        return False
    name = rel.rpartition("/")[2].upper()
    return rel in CARD_NAMES or rel.startswith("LICENSES/") or name.startswith(LICENSE_LIKE)


@contextmanager
def fetched(repo_id: str, api: Any, fs: Any, progress: Progress | None = None,
            revision: str | None = None) -> Iterator[Remote]:
    """The model `repo_id` (at `revision`, a branch, tag or commit; default main) read from
    the Hub into a temporary folder, removed on leaving."""
    with tempfile.TemporaryDirectory(prefix="licentia-hub-") as scratch:
        yield read_remote(repo_id, api, fs, Path(scratch), progress, revision)


def read_remote(repo_id: str, api: Any, fs: Any, scratch: Path,
                progress: Progress | None = None, revision: str | None = None) -> Remote:
    """Read `repo_id` from the Hub into `scratch`; InputError (one line) when it cannot be."""
    from huggingface_hub.errors import (
        GatedRepoError,
        RepositoryNotFoundError,
        RevisionNotFoundError,
    )

    try:
        return _read(repo_id, api, fs, scratch, progress, revision)
    except GatedRepoError as exc:
        raise InputError("gated on the Hugging Face Hub: accept its conditions on the model's "
                         "page and log in (`hf auth login` or HF_TOKEN)", path=repo_id) from exc
    except RevisionNotFoundError as exc:
        raise InputError(f"no revision {revision or 'main'} on the Hugging Face Hub "
                         f"({reason(exc)})",
                         path=repo_id) from exc
    except RepositoryNotFoundError as exc:
        raise InputError("no model by that id on the Hugging Face Hub (a private one needs a "
                         "login: `hf auth login` or HF_TOKEN)", path=repo_id) from exc
    except network_errors() as exc:
        raise InputError(f"--online: cannot read the model from the Hugging Face Hub "
                         f"({reason(exc)})", path=repo_id) from exc


def _read(repo_id: str, api: Any, fs: Any, scratch: Path, progress: Progress | None,
          asked: str | None) -> Remote:
    info = api.model_info(repo_id, revision=asked, files_metadata=True)
    revision = str(info.sha)  # the commit: every later read is of this one
    listing = [(str(s.rfilename), getattr(s, "size", None)) for s in info.siblings or ()]
    folder = scratch / f"models--{repo_id.replace('/', '--')}" / "snapshots" / revision
    folder.mkdir(parents=True)
    texts = [(rel, size) for rel, size in listing if wanted(rel)]
    got: list[str] = []
    left: list[tuple[str, str]] = []
    for n, (rel, size) in enumerate(texts, 1):
        if progress is not None:
            progress("reading from the Hugging Face Hub", n, len(texts))
        if size is not None and size > MAX_TEXT_BYTES:
            left.append((rel, f"larger than {MAX_TEXT_BYTES >> 20} MiB"))
            continue
        with fs.open(f"{repo_id}/{rel}", "rb", revision=revision) as fh:
            data = fh.read(MAX_TEXT_BYTES + 1)
        if len(data) > MAX_TEXT_BYTES:
            left.append((rel, f"larger than {MAX_TEXT_BYTES >> 20} MiB"))
            continue
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        got.append(rel)
    weights = [(rel, size) for rel, size in listing if is_weights(rel)]
    read, unread = _weights(repo_id, revision, weights, api, fs, scratch / "headers")
    left += unread
    left += [(rel, "not needed: neither the model card, a license-like file nor weights")
             for rel, _ in listing if not wanted(rel) and not is_weights(rel)]
    cards, unread = _related(folder, api, scratch / "cards")
    left += unread
    return Remote(repo_id, revision, str(getattr(api, "endpoint", None) or
                                         "https://huggingface.co"),
                  folder, tuple(got), tuple(sorted(left)), tuple(read), cards)


def _related(folder: Path, api: Any, scratch: Path) -> tuple[dict[str, Path],
                                                           list[tuple[str, str]]]:
    """The card data of the base models and datasets the fetched card names (`model_info` /
    `dataset_info`: the Hub gives it for gated models too), each written as a card's front
    matter for the card reader; those the Hub does not give, and why."""
    from huggingface_hub.errors import HfHubHTTPError

    card_rel = next((n for n in CARD_NAMES if (folder / n).is_file()), None)
    if card_rel is None:
        return {}, []
    card = read_card(folder / card_rel, card_rel)
    named = [("model", b) for b in card.base_model] + [("dataset", d) for d in card.datasets]
    cards: dict[str, Path] = {}
    left: list[tuple[str, str]] = []
    for kind, rid in named[:MAX_RELATED]:
        if not _REPO_NAME.match(rid) or ".." in rid:
            continue  # not a Hub id: nothing to ask
        if local_snapshot(rid, repo_type="dataset" if kind == "dataset" else None) is not None:
            continue  # its card in the local cache is read as without --online
        try:
            info = api.model_info(rid) if kind == "model" else api.dataset_info(rid)
        except HfHubHTTPError as exc:  # not there, private, gated: its license stays unknown
            left.append((f"{kind}:{rid}", f"not read from the Hub ({reason(exc)})"))
            continue
        data = {k: v for k, v in card_data(info).items()
                if k in _CARD_KEYS and isinstance(v, str | list)}
        if not data:
            left.append((f"{kind}:{rid}", "the Hub gives no card data"))
            continue
        path = scratch / f"{kind}s--{rid.replace('/', '--')}" / "README.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
                        + "---\n", encoding="utf-8")
        cards[f"{kind}:{rid}"] = path
    return cards, left


def _weights(repo_id: str, revision: str, weights: list[tuple[str, int | None]], api: Any,
             fs: Any, scratch: Path) -> tuple[list[WeightsInfo], list[tuple[str, str]]]:
    """The metadata of each weight file (never its tensors); the files not read and why."""
    scratch.mkdir(parents=True, exist_ok=True)
    tensors = [rel for rel, _ in weights if rel.lower().endswith(".safetensors")]
    safetensors = _safetensors(repo_id, revision, tensors[:MAX_HEADERS], api)
    out: list[WeightsInfo] = []
    left: list[tuple[str, str]] = []
    headers = 0
    for rel, size in weights:
        suffix = rel.rpartition(".")[2].lower()
        if suffix not in ("gguf", "safetensors"):
            out.append(WeightsInfo(rel, suffix))  # no metadata to read in the format
            continue
        headers += 1
        if headers > MAX_HEADERS:
            left.append((rel, f"weights: only the first {MAX_HEADERS} files' headers are read"))
        elif suffix == "safetensors":
            out.append(safetensors[rel])
        else:
            out.append(_gguf(f"{repo_id}/{rel}", rel, size, revision, fs, scratch))
    return sorted(out, key=lambda w: w.path), left


def _safetensors(repo_id: str, revision: str, files: list[str],
                 api: Any) -> dict[str, WeightsInfo]:
    """Each file's `__metadata__`: the repository's model files in one call
    (`get_safetensors_metadata`: `model.safetensors` or the shards of its index), any other
    file by its own header (`parse_safetensors_file_metadata`)."""
    from huggingface_hub.errors import NotASafetensorsRepoError, SafetensorsParsingError

    out: dict[str, WeightsInfo] = {}
    if not files:
        return out
    try:
        repo = api.get_safetensors_metadata(repo_id, revision=revision)
        for rel, meta in (repo.files_metadata or {}).items():
            out[rel] = safetensors_info(rel, meta.metadata)
    except (NotASafetensorsRepoError, SafetensorsParsingError):
        pass  # read file by file below: the error is then the file's own
    for rel in files:
        if rel in out:
            continue
        try:
            meta = api.parse_safetensors_file_metadata(repo_id, rel, revision=revision)
            out[rel] = safetensors_info(rel, meta.metadata)
        except SafetensorsParsingError as exc:
            out[rel] = WeightsInfo(rel, "safetensors",
                                   error=f"not a readable safetensors file ({short(exc)})")
    return out


def _gguf(path: str, rel: str, size: int | None, revision: str, fs: Any,
          scratch: Path) -> WeightsInfo:
    """A GGUF file's header metadata from its first bytes: read by ranges, more until the
    header ends within them (at most the last of GGUF_STEPS), into a sparse file of the
    file's size that `gguf` reads like the whole file."""
    head = scratch / "head.gguf"
    data = bytearray()
    # no read-ahead cache: each read is one HTTP range of exactly what is asked
    with fs.open(path, "rb", revision=revision, cache_type="none") as fh:
        for step in GGUF_STEPS:
            want = step if size is None else min(step, size)
            chunk = fh.read(want - len(data))
            data += chunk
            whole = size is not None and len(data) >= size
            if len(data) < want:  # the file ends here
                whole, size = True, len(data)
            with open(head, "wb") as out:
                out.write(data)
                out.truncate(max(size or 0, len(data)))  # zeros past what was read
            if whole:
                return read_gguf(head, rel)
            got = read_gguf_head(head, rel, len(data))
            if got is not None:
                return got
    return WeightsInfo(rel, "gguf", error=f"GGUF header longer than "
                                          f"{GGUF_STEPS[-1] >> 20} MiB: not read")
