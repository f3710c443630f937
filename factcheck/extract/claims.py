"""Claims per sentence: each extractor is a module with one job; this one runs them in order.
People come first because quotes need them to name their speakers."""

from __future__ import annotations

from factcheck.extract.dates import find_dates
from factcheck.extract.organisations import find_organisations
from factcheck.extract.people import find_people
from factcheck.extract.quantities import find_quantities
from factcheck.extract.quotes import find_quotes
from factcheck.records import Article, Claim, Sentence


def extract_claims(
    article: Article, sentences: list[Sentence], story_given_names: frozenset[str] = frozenset()
) -> list[Claim]:
    """One Claim per sentence, in sentence order. `story_given_names` are the given names
    other drafts of the story use (see find_people)."""
    people = find_people(article, sentences, story_given_names)
    quotes = find_quotes(article, sentences, people)
    return [
        Claim(
            sentence=sentence,
            people=people[index],
            organisations=find_organisations(sentence),
            quantities=find_quantities(sentence),
            dates=find_dates(sentence, article.published),
            quotes=quotes[index],
        )
        for index, sentence in enumerate(sentences)
    ]

