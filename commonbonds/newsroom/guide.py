"""The editors' user guide (docs/user-guide/*.md), rendered for the admin.

A deliberately small Markdown subset (headings, paragraphs, lists, bold, italics, code,
links), written here rather than adding a Markdown library: the guide is ours and simple.
Everything is escaped first, so nothing in a guide file can inject HTML.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

GUIDE_DIR = Path(settings.BASE_DIR) / "docs" / "user-guide"
_NAME = re.compile(r"^[a-z0-9-]+$")


def pages() -> list[tuple[str, str]]:
    """(slug, title) of each guide page, the index first."""
    if not GUIDE_DIR.is_dir():
        return []
    found = []
    for path in sorted(GUIDE_DIR.glob("*.md")):
        title = path.stem
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# "):
                title = line[2:].strip()
                break
        found.append((path.stem, title))
    # The index first, then the chapters in the order the index links them.
    index = source("index") or ""
    order = {slug: n for n, slug in enumerate(re.findall(r"\(([a-z0-9-]+)\.md\)", index))}
    found.sort(key=lambda item: (item[0] != "index", order.get(item[0], len(order)), item[0]))
    return found


def source(slug: str) -> str | None:
    if not _NAME.match(slug):
        return None
    path = GUIDE_DIR / f"{slug}.md"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def _link(match: re.Match) -> str:
    text, target = match.group(1), match.group(2)
    if target.endswith(".md") and "/" not in target and _NAME.match(target[:-3]):
        target = reverse("newsroom_user_guide_page", args=[target[:-3]])
    elif not target.startswith(("https://", "http://", "/", "#")):
        return text
    return f'<a href="{target}">{text}</a>'


def _inline(text: str) -> str:
    text = escape(text)
    text = re.sub(r"`([^`]+)`", r"<code>\1</code>", text)
    text = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", text)
    text = re.sub(r"(?<![*\w])\*([^*]+)\*(?!\w)", r"<em>\1</em>", text)
    return re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)", _link, text)


def render(markdown: str) -> SafeString:
    html: list[str] = []
    paragraph: list[str] = []
    list_tag = None
    in_code = False
    code: list[str] = []

    def flush():
        nonlocal list_tag
        if paragraph:
            html.append("<p>" + _inline(" ".join(paragraph)) + "</p>")
            paragraph.clear()
        if list_tag:
            html.append(f"</{list_tag}>")
            list_tag = None

    for line in markdown.splitlines():
        if line.startswith("```"):
            if in_code:
                html.append("<pre><code>" + escape("\n".join(code)) + "</code></pre>")
                code.clear()
                in_code = False
            else:
                flush()
                in_code = True
            continue
        if in_code:
            code.append(line)
            continue
        stripped = line.strip()
        heading = re.match(r"^(#{1,4})\s+(.*)$", stripped)
        bullet = re.match(r"^[-*]\s+(.*)$", stripped)
        number = re.match(r"^\d+[.)]\s+(.*)$", stripped)
        if not stripped:
            flush()
        elif heading:
            flush()
            level = len(heading.group(1))
            html.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif bullet or number:
            tag = "ul" if bullet else "ol"
            if paragraph:
                html.append("<p>" + _inline(" ".join(paragraph)) + "</p>")
                paragraph.clear()
            if list_tag != tag:
                if list_tag:
                    html.append(f"</{list_tag}>")
                html.append(f"<{tag}>")
                list_tag = tag
            html.append("<li>" + _inline((bullet or number).group(1)) + "</li>")
        elif list_tag and line.startswith("  "):
            html[-1] = html[-1][: -len("</li>")] + " " + _inline(stripped) + "</li>"
        else:
            if list_tag:
                html.append(f"</{list_tag}>")
                list_tag = None
            paragraph.append(stripped)
    if in_code:
        html.append("<pre><code>" + escape("\n".join(code)) + "</code></pre>")
    flush()
    return mark_safe("\n".join(html))  # noqa: S308 - every piece of text was escaped above
