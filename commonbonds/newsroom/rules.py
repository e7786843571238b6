"""Who may read what in the newsroom (django-rules, autodiscovered).

Pages have Wagtail's own permissions per section of the tree (granted to the groups by
migration 0004). The library's documents: a published one is public; a draft only for staff
who may change documents.
"""

import rules


@rules.predicate
def is_published_document(user, document) -> bool:
    return document is not None and document.live


@rules.predicate
def may_change_documents(user) -> bool:
    return user.has_perm("newsroom.change_librarydocument")


rules.add_perm("newsroom.read_document", is_published_document | may_change_documents)
