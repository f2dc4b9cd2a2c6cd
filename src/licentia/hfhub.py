# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The Hugging Face Hub client for the commands that go online only when the user asks
(`--online`): huggingface_hub's API object and file system (both read `HF_TOKEN`,
`HF_ENDPOINT`, `HF_HUB_OFFLINE` as usual) and what they raise when the Hub cannot be reached.
The commands take these objects as parameters, so tests pass fakes and never the network."""

from __future__ import annotations

from typing import Any


def hub_api() -> Any:
    """huggingface_hub's `HfApi`."""
    from huggingface_hub import HfApi

    return HfApi()


def hub_fs() -> Any:
    """huggingface_hub's `HfFileSystem` (ranged reads of a file on the Hub)."""
    from huggingface_hub import HfFileSystem

    return HfFileSystem()


def network_errors() -> tuple[type[BaseException], ...]:
    """What the Hub client raises when the Hub cannot be reached: OSError (its HTTP errors and
    offline mode too) and its HTTP library's transport errors (not OSErrors)."""
    import huggingface_hub.errors as hf_errors

    transport = getattr(hf_errors, "HTTPError", OSError)
    return (OSError, transport) if isinstance(transport, type) else (OSError,)


def reason(exc: BaseException) -> str:
    """The first line of an error's message (its type's name when it has none)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def card_data(info: Any) -> dict[str, Any]:
    """The card data (the card's YAML front matter) of a Hub record (`list_models`,
    `model_info`, `dataset_info`) as a dict; {} when it has none."""
    card = getattr(info, "card_data", None) or getattr(info, "cardData", None)
    if card is None:
        return {}
    if isinstance(card, dict):
        return card
    to_dict = getattr(card, "to_dict", None)
    return dict(to_dict()) if callable(to_dict) else dict(vars(card))
