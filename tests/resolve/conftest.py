"""What the place stories share: a small gazetteer built from GeoNames-format rows, and linking a
story's place names with it."""
from __future__ import annotations

from pathlib import Path

import pytest

from dateline.model import Mention
from dateline.resolve.gazetteer_build import add_geonames_dump, build_gazetteer
from dateline.resolve.places import PlaceLinker


def geonames_line(gid, name, alts, lat, lon, cc, a1, pop, fclass="P", fcode="PPL") -> str:
    """One row as GeoNames dumps write it, with only the columns the build reads filled in."""
    return "\t".join([str(gid), name, name, alts, str(lat), str(lon), fclass, fcode, cc, "", a1, "", "", "",
                      str(pop), "", "0", "UTC", "2024-01-01"])


@pytest.fixture(scope="module")
def small_gazetteer(tmp_path_factory):
    """build(name, rows, sources) -> path of a gazetteer with the shipped tables `sources` plus `rows`,
    each (geonameid, name, alternates, lat, lon, country, admin1, population[, class, code])."""
    def build(name: str, rows: list[tuple], sources: tuple[str, ...]) -> Path:
        root = tmp_path_factory.mktemp(name)
        dump = root / "towns.txt"
        dump.write_text("\n".join(geonames_line(*r) for r in rows) + "\n", encoding="utf-8")
        path = root / f"{name}.sqlite"
        build_gazetteer(path, sources=sources)
        add_geonames_dump(dump, path)
        return path
    return build


def link_places(gz, text: str, *names: str) -> dict[str, dict]:
    """The places a story's names link to, each name found after the previous one."""
    found, at = [], 0
    for name in names:
        start = text.index(name, at)
        found.append(Mention(start, start + len(name), name, "GPE", "model"))
        at = start + len(name)
    PlaceLinker(gz).link(found, text=text)
    return {m.text: m.place for m in found}


@pytest.fixture()
def linked():
    return link_places
