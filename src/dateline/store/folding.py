"""Case- and accent-insensitive text, the form the store's SQL function `fold()` compares."""
from __future__ import annotations

import unicodedata


def fold(value: str | None) -> str | None:
    """'Manşūrah' ~ 'mansurah': NFKD, combining marks dropped, casefolded."""
    if value is None:
        return None
    decomposed = unicodedata.normalize("NFKD", str(value))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
