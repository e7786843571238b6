from django.utils.translation import gettext_lazy as _

from commonbonds.core.audit import register

register("treaties.event.recorded", _("Recorded the treaty event {event_id} for {state}"))
register("treaties.event.corrected", _("Corrected the treaty event {event_id} for {state}"))
register("treaties.event.retracted", _("Retracted the treaty event {event_id} for {state}"))
register("treaties.event.imported", _("Imported the treaty event {event_id} for {state}"))
register(
    "treaties.event.reimported",
    _("Updated the treaty event {event_id} for {state} from the data files"),
)
register("treaties.state.imported", _("Imported the state {object}"))
register("treaties.state.reimported", _("Updated the state {object} from the data files"))
register("treaties.state.corrected", _("Corrected the state {object}"))
register("treaties.instrument.imported", _("Imported the instrument {object}"))
register("treaties.instrument.reimported", _("Updated the instrument {object} from the data files"))
register("treaties.instrument.corrected", _("Corrected the instrument {object}"))
register(
    "treaties.legislation.reviewed",
    _("Reviewed the implementing legislation of {state} ({kind}): {stage}"),
)
register(
    "treaties.import.completed",
    _(
        "Imported the treaty data of {data_date}: {created} created, {changed} changed, "
        "{conflicts} conflicts"
    ),
)
