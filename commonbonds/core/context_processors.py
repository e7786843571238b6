from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info


def site(request):
    """Language switcher links to the same page in each language, and the demo flag."""
    path = request.get_full_path()
    languages = [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": translate_url(path, code),
        }
        for code, _name in settings.LANGUAGES
    ]
    from .navigation import links

    return {
        "cb_languages": languages,
        "cb_nav": links(request.path),
        "cb_demo": getattr(settings, "CB_DEMO", False),
        "cb_site_name": "Common Bonds",
    }
