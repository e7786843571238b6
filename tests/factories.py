import factory
from django.contrib.auth.models import Group

from commonbonds.core.roles import ROLES


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "core.User"
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password("correct horse battery")

    @classmethod
    def _create(cls, model_class, *args, role=None, **kwargs):
        if role is not None and ROLES[role].staff:
            kwargs.setdefault("is_staff", True)
        if role == "administrator":
            kwargs.setdefault("is_superuser", True)
        user = super()._create(model_class, *args, **kwargs)
        if role is not None:
            user.groups.add(Group.objects.get(name=ROLES[role].group_name))
        return user


class PrivateFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "core.PrivateFile"

    title = factory.Sequence(lambda n: f"File {n}")
    purpose = "general"
    file = factory.django.FileField(filename="note.txt", data=b"private content")
