"""Group a story's claims: sentences about the same thing, and mentions of the same person."""

from factcheck.cluster.people import Person, index_people
from factcheck.cluster.sentences import cluster_sentences, prepare_clustering

__all__ = ["Person", "cluster_sentences", "index_people", "prepare_clustering"]
