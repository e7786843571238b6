"""The blocks editors compose informative pages (and the home page) from.

Each block renders with a template in `newsroom/blocks/`. Nothing loads from another site:
an embedded video shows as a link to it (the content security policy allows no third-party
frames, and readers are not tracked by a video site until they choose to go there).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from . import live_data

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)
    credit = blocks.CharBlock(
        label=_("credit"),
        required=False,
        max_length=200,
        help_text=_("Who took or owns the picture, e.g. “Photo: Jane Doe / Coalition”."),
    )

    class Meta:
        icon = "image"
        label = _("Image with caption and credit")
        template = "newsroom/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"), max_length=1000)
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "newsroom/blocks/quote.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False, max_length=500)
    button_label = blocks.CharBlock(label=_("button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("page on this site"), required=False)
    url = blocks.URLBlock(label=_("or a web address"), required=False)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "newsroom/blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Choose a page on this site or enter a web address (one of the two).")
                    )
                }
            )
        return value


class LiveDataBlock(blocks.StructBlock):
    """Figures computed from the treaty records when the page is shown, never typed in."""

    kind = blocks.ChoiceBlock(
        label=_("what to show"),
        choices=live_data.KIND_CHOICES,
        default=live_data.COUNT,
    )
    instrument = blocks.ChoiceBlock(
        label=_("instrument"),
        choices=live_data.instrument_choices,
        required=False,
        help_text=_("Empty: the Rome Statute."),
    )
    region = blocks.ChoiceBlock(
        label=_("regional group"),
        choices=live_data.region_choices,
        required=False,
        help_text=_("Empty: every state."),
    )

    class Meta:
        icon = "table"
        label = _("Live data (treaty status)")
        template = "newsroom/blocks/live_data.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["data"] = live_data.compute(
            value.get("kind"), value.get("instrument"), value.get("region")
        )
        return context


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=120)
    documents = blocks.ListBlock(
        SnippetChooserBlock("newsroom.LibraryDocument", label=_("document")),
        label=_("documents"),
        min_num=1,
    )

    class Meta:
        icon = "doc-full"
        label = _("List of documents")
        template = "newsroom/blocks/document_list.html"


class VideoLinkBlock(EmbedBlock):
    """A video or other media from a site Wagtail knows (YouTube, Vimeo…), shown as a link.

    Wagtail refuses, with a clear message, an address for which no embed can be found.
    """

    class Meta:
        icon = "media"
        label = _("Video or media (link)")
        template = "newsroom/blocks/video_link.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["title"] = context["provider"] = ""
        if value and value.url:
            # The details fetched when the editor saved the page (kept by Wagtail); a provider
            # that is down now leaves a plain link, never a broken page.
            from wagtail.embeds.embeds import get_embed
            from wagtail.embeds.exceptions import EmbedException

            try:
                embed = get_embed(value.url)
            except (EmbedException, OSError, ValueError):
                embed = None
            if embed is not None:
                context["title"] = embed.title
                context["provider"] = embed.provider_name
        return context


class BodyBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="newsroom/blocks/rich_text.html"
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    live_data = LiveDataBlock()
    documents = DocumentListBlock()
    video = VideoLinkBlock()

    class Meta:
        label = _("body")
