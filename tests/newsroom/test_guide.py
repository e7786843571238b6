from commonbonds.newsroom import guide


def test_the_guide_markdown_subset_renders_and_escapes():
    html = guide.render(
        "# Title\n\nSome **bold** and *italic* and `code`.\n\n- one\n- two\n\n"
        "1. first\n2. second\n\n"
        "<script>alert(1)</script> [out](https://example.org) [bad](javascript:alert(1))\n\n"
        "```\n<b>raw</b>\n```\n"
    )
    assert "<h1>Title</h1>" in html
    assert (
        "<strong>bold</strong>" in html
        and "<em>italic</em>" in html
        and "<code>code</code>" in html
    )
    assert "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in html
    assert "<ol>\n<li>first</li>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<a href="https://example.org">out</a>' in html
    assert (
        "javascript:" not in html.replace("javascript:alert(1)", "")
        or 'href="javascript' not in html
    )
    assert "<pre><code>&lt;b&gt;raw&lt;/b&gt;</code></pre>" in html


def test_the_guide_has_its_chapters():
    slugs = [slug for slug, _title in guide.pages()]
    assert slugs[0] == "index"
    for chapter in ("writing-pages", "news", "documents", "translating", "publishing", "redirects"):
        assert chapter in slugs
    assert guide.source("../../etc/passwd") is None
