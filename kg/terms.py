"""The plain names of kg's vocabulary, without rdflib: `kg extract` needs no RDF library.

kg.vocab turns them into the ontology's rdflib terms.
"""

from __future__ import annotations

# The namespace every entity IRI lives in.
ENTITY_IRI = "https://w3id.org/akg/entity/"

# CONTRACT.md's NER types, in its order.
ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")

# CONTRACT.md's relation vocabulary, in its order.
PREDICATES = (
    "called_for",
    "met",
    "visited",
    "praised",
    "supported",
    "deployed",
    "condemned",
    "accused",
    "rejected",
    "threatened",
    "sanctioned",
    "arrested",
    "attacked",
    "killed",
    "dismissed",
    "appointed",
    "leader_of",
    "member_of",
    "located_in",
    "part_of",
)
