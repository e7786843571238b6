"""Text of a PDF for the site search, with pypdf (pure Python: no system library).

A PDF that cannot be read (encrypted, damaged, scanned images without text) gives no text;
the document is still published and found by its title, summary and organisation.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

MAX_PAGES = 500
MAX_CHARS = 1_000_000  # the search index does not need more of one document


def pdf_text(fileobj) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(fileobj)
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except (PyPdfError, NotImplementedError):
                return ""
        parts: list[str] = []
        total = 0
        for number, page in enumerate(reader.pages):
            if number >= MAX_PAGES or total >= MAX_CHARS:
                break
            text = page.extract_text() or ""
            parts.append(text)
            total += len(text)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        logger.warning("could not extract text from a PDF: %s", type(exc).__name__)
        return ""
    return "\n".join(parts)[:MAX_CHARS].replace("\x00", "")


def is_readable_pdf(fileobj) -> bool:
    """True when pypdf can open the file (and find its pages)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    position = fileobj.tell()
    try:
        fileobj.seek(0)
        reader = PdfReader(fileobj)
        _ = len(reader.pages)
        return True
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        return False
    finally:
        fileobj.seek(position)
