"""The public pages: what they show, to whom, and in how many queries."""

import datetime

import pytest
from django.test import Client

from commonbonds.newsroom.models import (
    HomePage,
    InformativePage,
    NewsIndexPage,
    NewsItemPage,
    Theme,
    TopicIndexPage,
    TopicPage,
)

pytestmark = pytest.mark.django_db


def test_every_language_gets_news_and_topic_sections(full_site):
    for code in ("en", "fr", "es", "ar"):
        home = HomePage.objects.get(locale__language_code=code)
        assert NewsIndexPage.objects.child_of(home).live().count() == 1
        assert TopicIndexPage.objects.child_of(home).live().count() == 1
    french = NewsIndexPage.objects.get(locale__language_code="fr")
    english = NewsIndexPage.objects.get(locale__language_code="en")
    assert french.translation_key == english.translation_key
    assert french.title == "Actualités"  # translated by the French catalogue


def test_home_page_lists_the_latest_news_newest_first(site, make_news):
    make_news("Older item", date=datetime.date(2026, 1, 5))
    make_news("Newer item", date=datetime.date(2026, 3, 5))
    make_news("Draft item", publish=False)
    html = Client().get("/").content.decode()
    assert html.index("Newer item") < html.index("Older item")
    assert "Draft item" not in html
    assert "Latest news" in html


def test_home_page_query_count_is_pinned(site, make_news, django_assert_max_num_queries):
    for n in range(8):
        make_news(f"Item {n}")
    client = Client()
    client.get("/")
    with django_assert_max_num_queries(14):
        assert client.get("/").status_code == 200


def test_news_item_shows_kind_authors_and_themes(site, make_news):
    from commonbonds.newsroom.models import Author

    theme = Theme.objects.create(
        slug="victims", name_en="Victims' rights", name_fr="Droits des victimes"
    )
    author = Author.objects.create(name="Ana Writer", role="Legal adviser")
    item = make_news("Statement on reparations", kind="media_statement", body_text="Body words")
    item.authors.set([author])
    item.themes.set([theme])
    item.save_revision().publish()
    html = Client().get(item.url).content.decode()
    assert "Media statement" in html
    assert "Ana Writer (Legal adviser)" in html
    assert "Victims&#x27; rights" in html
    assert "Body words" in html


def test_news_item_query_count_is_pinned(
    site, make_news, treaty_data, django_assert_max_num_queries
):
    item = make_news("Tagged")
    item.states.set(treaty_data["states"].values())
    item.save_revision().publish()
    client = Client()
    client.get(item.url)
    with django_assert_max_num_queries(18):
        assert client.get(item.url).status_code == 200


def test_news_index_filters_by_kind_and_theme(site, make_news, news_index):
    theme = Theme.objects.create(slug="budget", name_en="Budget")
    make_news("A blog post", kind="blog")
    tagged = make_news("A press release", kind="press_release")
    tagged.themes.set([theme])
    tagged.save_revision().publish()
    client = Client()
    html = client.get(news_index.url + "?kind=blog").content.decode()
    assert "A blog post" in html and "A press release" not in html
    html = client.get(news_index.url + "?theme=budget").content.decode()
    assert "A press release" in html and "A blog post" not in html
    # An unknown kind is ignored rather than an error.
    assert client.get(news_index.url + "?kind=nonsense").status_code == 200


def test_news_index_query_count_is_pinned(
    site, make_news, news_index, django_assert_max_num_queries
):
    for n in range(25):
        make_news(f"Item {n}")
    client = Client()
    client.get(news_index.url)
    with django_assert_max_num_queries(19):
        response = client.get(news_index.url)
    assert "Page 1 of 2" in response.content.decode()


def test_main_navigation_news_goes_to_the_news_index_of_the_language(full_site):
    client = Client()
    assert client.get("/news/").status_code == 200
    french = NewsIndexPage.objects.get(locale__language_code="fr")
    french.slug = "actualites"
    french.save_revision().publish()
    response = client.get("/fr/news/")
    assert response.status_code == 302 and response["Location"] == "/fr/actualites/"


def test_main_navigation_news_without_a_news_index_is_404(public_site):
    assert Client().get("/news/").status_code == 404


def test_informative_page_with_every_block(site, make_page, treaty_data):
    from wagtail.rich_text import RichText

    from commonbonds.newsroom.models import LibraryDocument

    target = make_page("Target page")
    page = make_page("About the Court", publish=False, intro="An introduction.")
    document = LibraryDocument.objects.create(
        title="Annual report",
        kind="report",
        author_organisation="Coalition",
        date=datetime.date(2026, 1, 1),
        language="en",
        file="library/x.pdf",
        live=True,
    )
    page.body = [
        ("rich_text", RichText("<h2>Heading</h2><p>Paragraph</p>")),
        ("quote", {"quote": "Justice delayed", "attribution": "A speaker"}),
        (
            "call_to_action",
            {
                "heading": "Act now",
                "text": "Join us",
                "button_label": "Join",
                "page": target,
                "url": "",
            },
        ),
        ("live_data", {"kind": "count", "instrument": "rome_statute", "region": ""}),
        ("live_data", {"kind": "status_table", "instrument": "rome_statute", "region": "african"}),
        ("documents", {"heading": "Read more", "documents": [document]}),
    ]
    page.save_revision().publish()
    html = Client().get(page.url).content.decode()
    assert "<h2>Heading</h2>" in html
    assert "Justice delayed" in html and "A speaker" in html
    assert f'href="{target.url}"' in html
    assert "Annual report" in html and document.get_absolute_url() in html
    # Count: Alphaland is the one party, Betaland the one signatory (Rome Statute art. 126).
    assert "<dt>States Parties</dt>\n        <dd>1</dd>" in html
    assert "<dt>Signatories (not yet parties)</dt>\n        <dd>1</dd>" in html
    # The regional table lists the African group only: Alphaland and Betaland, not Gammaland.
    table = html[html.index("<table>") : html.index("</table>")]
    assert "Alphaland" in table and "Betaland" in table and "Gammaland" not in table
    assert table.index("Alphaland") < table.index("Betaland")  # parties first
    assert "1 July 2002" in table or "July 1, 2002" in table


def test_live_data_without_treaty_data_says_so(site, make_page):
    page = make_page("Figures", publish=False)
    page.body = [("live_data", {"kind": "count", "instrument": "", "region": ""})]
    page.save_revision().publish()
    assert "Treaty figures are not available" in Client().get(page.url).content.decode()


def test_news_item_shows_the_current_status_of_its_states(site, make_news, treaty_data):
    item = make_news("Three states")
    item.states.set(treaty_data["states"].values())
    item.save_revision().publish()
    html = Client().get(item.url).content.decode()
    box = html[html.index('class="state-standings"') :]
    assert 'Alphaland: <span class="status status--party">State Party</span>' in box
    assert 'Betaland: <span class="status status--signatory">Signatory</span>' in box
    assert 'Gammaland: <span class="status status--not_signed">Not signed</span>' in box


def test_topic_page_lists_news_and_documents_of_its_theme(site, make_news):
    theme = Theme.objects.create(slug="elections", name_en="Elections")
    index = TopicIndexPage.objects.get(locale__language_code="en")
    topic = TopicPage(
        title="Judicial elections", slug="elections", theme=theme, intro="About elections"
    )
    index.add_child(instance=topic)
    topic.save_revision().publish()
    tagged = make_news("Candidates announced")
    tagged.themes.set([theme])
    tagged.save_revision().publish()
    make_news("Unrelated")
    client = Client()
    html = client.get(topic.url).content.decode()
    assert "Candidates announced" in html and "Unrelated" not in html
    assert "/feeds/theme/elections/atom/" in html
    assert "Judicial elections" in client.get(index.url).content.decode()


def test_demo_content_is_bannered_and_listed_only_on_demo_sites(site, make_news, settings):
    make_news("Real news")
    make_news("Generated news", is_demo=True)
    settings.CB_DEMO = False
    html = Client().get("/").content.decode()
    assert "Real news" in html and "Generated news" not in html
    settings.CB_DEMO = True
    html = Client().get("/").content.decode()
    assert "Generated news" in html
    demo = NewsItemPage.objects.get(title="Generated news")
    page_html = Client().get(demo.url).content.decode()
    assert "This content was generated for demonstration" in page_html
    assert '<meta name="robots" content="noindex">' in page_html


def test_page_types_allow_only_their_parents(site, news_index):
    assert NewsItemPage.can_exist_under(news_index)
    assert not NewsItemPage.can_exist_under(site)
    assert not InformativePage.can_exist_under(news_index)
    assert InformativePage.can_exist_under(site)
    assert not TopicIndexPage.can_create_at(site)  # one per home page, and it exists


def test_pages_in_arabic_are_right_to_left(full_site):
    html = Client().get("/ar/news/").content.decode()
    assert 'dir="rtl"' in html and 'lang="ar"' in html
