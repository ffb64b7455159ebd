"""Turning fetched bytes into a parsed tree, whatever the page's encoding claims.

Bad input must give a clear error (:class:`NotHtmlError`) or a usable tree, never
mojibake or a crash: news sites routinely declare ISO-8859-1 while serving UTF-8,
and old Vietnamese pages use windows-1258.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer
from lxml import etree, html

#: Larger pages are cut at this many characters before parsing.  Real articles
#: stay far below (the largest page in our 1,278-page corpus is ~2.6 MB); the cap
#: keeps a 20 MB junk page from costing seconds of parsing.
MAX_HTML_CHARS = 4_000_000

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# "</titlevalue="true" -->": a template tool glued an attribute to the end tag; the
# parser then reads the rest of the page as the title's text and the body is empty
# (an l3s_gn1 page, a story of 330 words, came out as "not an article").
_TITLE_END = re.compile(r"</title\s*>", re.IGNORECASE)
_BROKEN_TITLE_END = re.compile(r"</title(?=[^\s>/])[^>]*>", re.IGNORECASE)
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x00\x00\x01\x00", b"RIFF")


class NotHtmlError(ValueError):
    """The input is not an HTML page (binary, empty, or not markup at all)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def decode_html(data: bytes | str, declared_encoding: str | None = None) -> str:
    """Decode page bytes to text.

    Order, from most to least reliable evidence: a BOM; valid UTF-8 (a wrong
    charset label is far more common than non-UTF-8 bytes that happen to be valid
    UTF-8); the HTTP/meta declaration; charset detection.
    """
    if isinstance(data, str):
        return data
    if not data or not data.strip():
        raise NotHtmlError("empty")
    head = data[:16]
    if any(head.startswith(magic) for magic in _BINARY_MAGIC):
        raise NotHtmlError("binary", "file signature of a non-HTML format")
    if not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        sample = data[:8192]
        # Text, in any 8-bit or UTF-8 encoding, has almost no C0 control bytes besides whitespace.
        controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
        if b"\x00" in sample or controls > len(sample) // 50:
            raise NotHtmlError("binary", "control bytes")
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace").lstrip("\ufeff")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    meta = _META_CHARSET.search(data[:4096])
    for candidate in (declared_encoding, meta.group(1).decode("ascii", "ignore") if meta else None):
        name = _codec(candidate)
        # A page that fails UTF-8 yet claims it has a few stray bytes: keep UTF-8.
        if name == "utf-8":
            return data.decode("utf-8", errors="replace")
        if name:
            return data.decode(name, errors="replace")
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    return data.decode(best.encoding if best else "cp1252", errors="replace")


#: The C0 controls of _CONTROL_CHARS as bytes; U+FFFE and U+FFFF are EF BF BE / EF BF BF.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 13))


def _has_control_chars(text: str, data: bytes) -> bool:
    """Whether ``text`` (``data`` is its UTF-8) holds a character of _CONTROL_CHARS.  In
    UTF-8 the C0 bytes only ever encode those characters; deleting bytes in C is twice
    as fast as searching the str with the pattern, which found nothing on 320 of 320
    pages.  U+FFFE/U+FFFF are looked for in the str: Python skips a str whose widest
    character is narrower at once, and the two byte searches were 2/3 of this test."""
    return len(data.translate(None, _CONTROL_BYTES)) != len(data) or "\ufffe" in text or "\uffff" in text


def _parser() -> etree.HTMLParser:
    """An HTML parser whose elements are all plain ``HtmlElement``s, looked up in C.

    lxml.html's own parser picks the element class in Python for every element proxy
    (form, input, label classes): 870,000 calls per 320 pages, 5% of extraction time
    (profiled).  Nothing here uses the form classes."""
    parser = etree.HTMLParser(remove_comments=True, huge_tree=False, encoding="utf-8")
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(element=html.HtmlElement))
    return parser


def parse_html(text: str) -> tuple[html.HtmlElement, list[str]]:
    """Parse page text into an lxml tree; returns ``(tree, warnings)``."""
    warnings: list[str] = []
    if len(text) > MAX_HTML_CHARS:
        text = text[:MAX_HTML_CHARS]
        warnings.append("page_truncated")
    text = _XML_DECL.sub("", text, count=1)
    if "<" not in text[:100_000]:
        raise NotHtmlError("not_html", "no markup")
    # Control characters are not allowed in XML, and trafilatura's tree passes
    # silently return nothing when one is left (a dragnet page: 610 words -> 0).
    data: bytes | None = text.encode("utf-8", "surrogatepass")
    if _has_control_chars(text, data):
        text = _CONTROL_CHARS.sub("", text)
        data = None
    if not _TITLE_END.search(text, 0, 200_000):
        fixed = _BROKEN_TITLE_END.sub("</title>", text, count=1)
        if fixed != text:
            text, data = fixed, None
    try:
        # Parsed from UTF-8 bytes: lxml refuses str input that still carries an encoding
        # declaration (an <?xml ...?> after a comment or doctype; seen in the corpus).
        if data is None:
            data = text.encode("utf-8", "surrogatepass")
        tree = html.document_fromstring(data, parser=_parser())
    except (etree.ParserError, ValueError) as exc:
        raise NotHtmlError("unparseable", str(exc)) from exc
    if tree is None or tree.find("body") is None and not tree.text_content().strip():
        raise NotHtmlError("empty", "no content")
    return tree, warnings
