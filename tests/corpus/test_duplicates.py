"""Near-duplicates: a syndicated copy is recognised, an independent report of the same event is not."""
from __future__ import annotations

from hypothesis import given, strategies as st

from dateline.corpus import duplicates as dup

WIRE = (
    "Kurdish-led forces said on Tuesday they had taken full control of the northern Syrian city after "
    "a four-month battle, ending more than three years of rule by the jihadists in the city they had "
    "called their capital. A spokesman for the alliance said clearing operations were continuing in a "
    "few pockets near the stadium and the national hospital, where the last fighters had held out. "
    "Residents who fled the fighting were told not to return yet because of mines left in homes and "
    "streets. The coalition, which supported the offensive with air strikes, said it would help clear "
    "the explosives. Aid groups said tens of thousands of people were living in camps north of the city "
    "with little shelter as winter approached, and that water and power had been cut for months."
)
EDITED_COPY = WIRE.replace("Kurdish-led forces said on Tuesday", "The Kurdish-led alliance announced on Tuesday") \
    + " Reporting by a correspondent; editing by the desk."
INDEPENDENT = (
    "The city fell to the Syrian Democratic Forces this week after months of street fighting and heavy "
    "bombardment by coalition aircraft, which left most neighbourhoods in ruins. Monitors counted more "
    "than a thousand civilian deaths during the offensive. Local officials said a civil council would "
    "run the city, while government officials in Damascus called the operation an occupation and "
    "demanded that foreign forces leave. Thousands of families remain in camps and say they have no "
    "homes to go back to."
)


def test_syndicated_copy_is_a_duplicate():
    a, b = dup.signature(WIRE), dup.signature(EDITED_COPY)
    assert dup.similarity(a, b) >= dup.DUPLICATE_THRESHOLD
    stored = [("original", dup.to_bytes(a), None)]
    match = dup.find_duplicate(b, lambda keys: stored)
    assert match is not None and match.of == "original"


def test_independent_report_of_same_event_is_not_a_duplicate():
    a, b = dup.signature(WIRE), dup.signature(INDEPENDENT)
    assert dup.similarity(a, b) < 0.2
    assert dup.find_duplicate(b, lambda keys: [("original", dup.to_bytes(a), None)]) is None


def test_copy_of_a_copy_points_to_the_original():
    a = dup.signature(WIRE)
    match = dup.find_duplicate(dup.signature(EDITED_COPY), lambda keys: [("copy1", dup.to_bytes(a), "root")])
    assert match is not None and match.of == "root"


def test_identical_texts_share_every_band_key():
    assert dup.band_keys(dup.signature(WIRE)) == dup.band_keys(dup.signature(WIRE))
    assert len(dup.band_keys(dup.signature(WIRE))) == dup.BANDS


def test_short_texts_get_no_signature():
    assert dup.signature("Back to Top") is None


@given(st.text(max_size=2000))
def test_signature_never_fails_and_round_trips(text):
    sig = dup.signature(text)
    if sig is not None:
        assert len(sig) == dup.NUM_PERM
        assert (dup.from_bytes(dup.to_bytes(sig)) == sig).all()
