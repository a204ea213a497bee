"""Main text and metadata of a web page: trafilatura, with htmldate for the date."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from .textnorm import decode_bytes

logger = logging.getLogger(__name__)

_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")

#: htmldate options: look everywhere and prefer the original publication date
#: over "updated" stamps (tuned on the htmldate evaluation pages, see
#: scripts/eval_html.py).
DATE_OPTIONS: dict[str, Any] = {"extensive_search": True, "original_date": True}


@dataclass
class PageExtract:
    """What :func:`extract_page` found in one page."""

    text: str
    title: str = ""
    author: str = ""
    date_raw: str = ""
    sitename: str = ""
    url: str = ""
    language: str = ""
    description: str = ""
    warning: str | None = None


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in its first bytes (meta or XML prolog)."""
    head = data[:4096]
    found = _CHARSET.search(head) or _XML_ENCODING.search(head)
    return found.group(1).decode("ascii", errors="ignore") if found else None


def decode_html(data: bytes) -> tuple[str, str | None]:
    """Decode page bytes using the declared charset, with the UTF-8/cp1252 fallback."""
    return decode_bytes(data, declared=declared_charset(data))


def extract_page(
    page: bytes | str,
    *,
    url: str | None = None,
    favor_recall: bool = True,
    include_tables: bool = False,
) -> PageExtract:
    """Extract the main text and the metadata of an HTML page.

    Parameters
    ----------
    page:
        The page as bytes (decoded with its declared charset) or text.
    url:
        The page's address, if known (helps the date and site name).
    favor_recall, include_tables:
        trafilatura options; the defaults scored best on the Zyte article
        extraction benchmark (``scripts/eval_html.py``).

    Returns
    -------
    PageExtract
        ``text`` is empty when the page has no main text.
    """
    import trafilatura

    warning = None
    if isinstance(page, bytes):
        page, warning = decode_html(page)
    document = trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=include_tables,
        favor_recall=favor_recall,
        date_extraction_params=dict(DATE_OPTIONS, url=url) if url else DATE_OPTIONS,
        as_dict=False,
    )
    if document is None:
        return PageExtract(text="", warning=warning)
    get = lambda name: getattr(document, name, None) or ""  # noqa: E731
    return PageExtract(
        text=str(get("text")),
        title=str(get("title")),
        author=str(get("author")),
        date_raw=str(get("date")),
        sitename=str(get("sitename")),
        url=str(get("url")),
        language=str(get("language")),
        description=str(get("description")),
        warning=warning,
    )
