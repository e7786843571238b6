"""Object-level permissions for core models, declared with django-rules.

Apps declare their own in their `rules.py` (autodiscovered). Views never test roles by hand:
they declare a permission, and `commonbonds.core.permissions` checks it in one place.
"""

import rules


@rules.predicate
def owns_private_file(user, private_file) -> bool:
    return private_file is not None and private_file.owner_id == user.pk


@rules.predicate
def may_see_every_private_file(user) -> bool:
    # Granted to groups through the model permission (roles.VIEW_PRIVATE).
    from .backends import ModelBackend

    return "core.view_privatefile" in ModelBackend().get_all_permissions(user)


rules.add_perm("core.view_privatefile", owns_private_file | may_see_every_private_file)
