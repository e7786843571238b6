"""Django's model permission backend, minus the superuser's claim on sensitive permissions."""

from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.contrib.auth.models import Permission

from .models import SENSITIVE_PERMISSIONS


class ModelBackend(DjangoModelBackend):
    def _get_permissions(self, user_obj, obj, from_name):
        # Django returns every permission for a superuser here; we return only what was
        # granted, and add the non-sensitive rest in get_all_permissions.
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        cache_name = f"_{from_name}_perm_cache"
        if not hasattr(user_obj, cache_name):
            perms = getattr(self, f"_get_{from_name}_permissions")(user_obj)
            rows = perms.values_list("content_type__app_label", "codename").order_by()
            setattr(user_obj, cache_name, {f"{ct}.{name}" for ct, name in rows})
        return getattr(user_obj, cache_name)

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            perms = self.get_user_permissions(user_obj) | self.get_group_permissions(user_obj)
            if user_obj.is_superuser:
                rows = Permission.objects.values_list("content_type__app_label", "codename")
                perms |= {f"{ct}.{name}" for ct, name in rows} - SENSITIVE_PERMISSIONS
            user_obj._perm_cache = perms
        return user_obj._perm_cache
