#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Write the demo inputs into a directory, from the installed LicenseDB (no texts in the repo).

    python examples/make_demo.py build/demo

Writes: a Llama 3.1 model card with its LICENSE; a BigScience OpenRAIL-M text with an extra
use restriction; a CreativeML OpenRAIL-M text re-wrapped as Markdown; a LICENSE holding
Apache-2.0 then MIT for a vendored part; a source file with an SPDX tag and a license header.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

from licentia.catalog.licensedb import read_text
from licentia.normalize import SPDX_TAG


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    card = out / "llama-finetune"
    card.mkdir(exist_ok=True)
    (card / "LICENSE").write_text(read_text("llama-3.1-license-2024"), encoding="utf-8")
    (card / "README.md").write_text(
        "---\nlicense: llama3.1\nlicense_link: LICENSE\nbase_model: meta-llama/Llama-3.1-8B\n---\n"
        "# acme/llama-3.1-support-8b\n\nA support assistant fine-tuned from Llama 3.1 8B.\n",
        encoding="utf-8")

    rail = read_text("bigscience-open-rail-m")
    cut = rail.index("(m) To generate")
    extra = "(m) For any military purpose, including weapons development and warfare;\n"
    (out / "rail-with-extra-restriction.txt").write_text(rail[:cut] + extra + rail[cut:],
                                                         encoding="utf-8")

    creativeml = read_text("stable-diffusion-2022-08-22")
    markdown = "\n\n".join(
        textwrap.fill(p.replace('"', "\u201c"), 72) for p in creativeml.split("\n") if p.strip()
    )
    (out / "creativeml-rewrapped.md").write_text("# License\n\n" + markdown, encoding="utf-8")

    (out / "LICENSE-combined").write_text(
        read_text("apache-2.0") + "\n\n---\n\nvendor/fastjson is licensed as follows:\n\n"
        "Copyright (c) 2019 Example Vendor\n\n" + read_text("mit"), encoding="utf-8")

    (out / "train.py").write_text(
        f"# {SPDX_TAG}: Apache-2.0\n#\n"
        "# Licensed under the Apache License, Version 2.0 (the \"License\");\n"
        "# you may not use this file except in compliance with the License.\n"
        "# You may obtain a copy of the License at\n#\n"
        "#     http://www.apache.org/licenses/LICENSE-2.0\n#\n"
        "# Unless required by applicable law or agreed to in writing, software\n"
        "# distributed under the License is distributed on an \"AS IS\" BASIS,\n"
        "# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.\n"
        "# See the License for the specific language governing permissions and\n"
        "# limitations under the License.\n\nprint('training')\n", encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
