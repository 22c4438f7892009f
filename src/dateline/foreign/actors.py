"""Actor mentions in a non-English text: the packs' aliases matched as literal phrases.

Responsible for finding every alias the loaded packs give an actor — their other-language forms
(`resources/actors/zz_other_languages.yaml` adds those for the main actors; the loader pools them
into the actors they name), names that travel unchanged ("Wagner", "Houthis") and acronyms ("RSF",
"ВСУ") — word by word through the language's lexicon, so that an Arabic clitic ("وداعش") or an
elided article ("l'EI") does not hide them. The longest match wins; acronyms match only in their
own capitals.

Not responsible for resolving unknown names (there is no entity model for these languages) or for
the actors' roles in an event.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Mention
from ..resolve.actor_packs import ActorPack, is_acronym
from ..resolve.document import actor_record
from .lexicon import Lexicon, Phrase, Token

MIN_ACRONYM = 3     # "IS", "UN": two capitals are a word in too many languages


@dataclass(frozen=True)
class _Alias:
    actor: str
    phrase: Phrase
    acronym: str | None     # matched case-sensitively, whole token


class ForeignActors:
    def __init__(self, pack: ActorPack):
        self.pack = pack
        self.index: dict[str, list[_Alias]] = {}
        for actor in pack:
            if actor.provisional:
                continue
            for alias in actor.aliases:
                acronym = alias if is_acronym(alias) else None
                if acronym and (len(acronym) < MIN_ACRONYM or not acronym.isalpha()):
                    continue
                phrase = Phrase.parse(alias.replace("(", " ").replace(")", " "))
                if phrase.words:
                    self.index.setdefault(phrase.words[0][0], []).append(_Alias(actor.id, phrase, acronym))

    def find(self, text: str, lexicon: Lexicon) -> tuple[list[Mention], dict[str, dict[str, Any]]]:
        tokens = lexicon.tokens(text)
        hits: list[tuple[int, int, str]] = []      # (token index, words, actor)
        for i, tok in enumerate(tokens):
            for form in tok.forms:
                for alias in self.index.get(form, ()):
                    if alias.phrase.matches_at(tokens, i) and \
                            (alias.acronym is None or _same_acronym(tok, alias.acronym)):
                        hits.append((i, len(alias.phrase.words), alias.actor))
        taken = [False] * len(tokens)
        mentions: list[Mention] = []
        actors: dict[str, dict[str, Any]] = {}
        for i, n, aid in sorted(hits, key=lambda h: (-h[1], h[0])):
            if any(taken[i:i + n]):
                continue
            taken[i:i + n] = [True] * n
            start, end = tokens[i].start, tokens[i + n - 1].end
            mentions.append(Mention(start, end, text[start:end], "ORG", source="lexicon", actor=aid))
            actors.setdefault(aid, actor_record(self.pack[aid]))
        mentions.sort(key=lambda m: m.start)
        return mentions, actors


def _same_acronym(token: Token, acronym: str) -> bool:
    # The token may carry an elided article in front ("l'EI"), never other letters.
    return token.text.replace("’", "'").split("'")[-1] == acronym
