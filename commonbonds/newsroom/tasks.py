"""Background jobs of the newsroom. Arguments are ids only."""

from django_tasks import task


@task()
def extract_document_text(document_id: int) -> int:
    """Extract the text of a library document's PDF for the search; returns its length."""
    from .actions import extract_text

    return extract_text(document_id)
