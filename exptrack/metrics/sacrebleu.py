"""SacreBLEU's scores (the machine translation metrics of WMT, fairseq's and Hugging Face's
evaluation scripts), as its command line prints them:

- JSON, its default since 2.0, one object a metric (a list of them for ``-m bleu chrf ter``),
  printed with an indent (the parser joins an object's lines): ``{"name": "BLEU", "score":
  34.9, "signature": "nrefs:1|case:mixed|...", "verbose_score": "75.0/46.2/...", "nrefs":
  "1", ...}``;
- text (``-f text``): ``BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0 =
  34.9 75.0/46.2/30.0/14.3 (BP = 1.000 ratio = 1.000 ...)``;
- 1.x's signature: ``BLEU+case.mixed+numrefs.1+smooth.exp+tok.13a+version.1.4.14 = 27.3
  58.2/33.1/...``,

each at the start of its line.

A score is named by its metric's name as printed (``BLEU``, ``chrF2``, ``TER``); the
signature's fields are settings and the verbose score's n-gram precisions, brevity penalty and
lengths its parts: none is recorded. Regexes are bounded; each field of a signature starts
with its own separator (``|`` or ``+``), so a match is linear."""

from __future__ import annotations

import re

# a score line's first bytes: the text form's ("BLEU|nrefs:1", "chrF2|...", "TER|nrefs"),
# 1.x's ("BLEU+case.mixed"), an indented JSON object's or list's once the parser joins
# its lines ('{ "name": "BLEU"', '[ { "name"')
HEADS = frozenset({b"BLEU|", b"BLEU+", b"TER|n", b"TER+c", b"chrF\x00", b'{ "na', b'[ { "'})
_SCORE = r"(?P<score>-?\d{1,6}(?:\.\d{1,12})?)"
_NAME = r"(?P<name>[A-Za-z][\w\-]{0,20})"
_JSON = re.compile(r'"name": "' + _NAME + r'", "score": ' + _SCORE + r', "signature": "')
_TEXT = re.compile(r"(?:^|(?<=\s))" + _NAME + r"(?:\|[A-Za-z][\w\-]{0,20}:[^\s|]{0,40}){2,20}"
                   r" = " + _SCORE + r"(?=\s|$)")
_LEGACY = re.compile(r"(?:^|(?<=\s))" + _NAME
                     + r"(?:\+[A-Za-z][\w\-]{0,20}\.[^\s+=]{0,40}){2,20} = " + _SCORE
                     + r"(?=\s|$)")


def scores(text: str) -> list[tuple[str, float]] | None:
    """The scores a line of SacreBLEU's output prints, else None (no such line)."""
    for form in (_JSON, _TEXT, _LEGACY):
        found = [(m.group("name"), float(m.group("score"))) for m in form.finditer(text)]
        if found:
            return found
    return None
