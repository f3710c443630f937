"""Claims per sentence: each extractor is a module with one job; this one runs them in order.
People come first because quotes need them to name their speakers."""

from __future__ import annotations

from factcheck.extract.dates import find_dates
from factcheck.extract.organisations import find_organisations
from factcheck.extract.people import find_people
from factcheck.extract.quantities import find_quantities
from factcheck.extract.quotes import find_quotes
from factcheck.records import Article, Claim, Sentence


def extract_claims(article: Article, sentences: list[Sentence]) -> list[Claim]:
    """One Claim per sentence, in sentence order. What other drafts of the story say about
    people is added when the story is checked (see with_story_given_names)."""
    people = find_people(article, sentences)
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

