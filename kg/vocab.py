"""The terms of kg's ontology (ontology/kg.ttl) and the namespaces its instances live in."""

from __future__ import annotations

from pathlib import Path

from rdflib.namespace import (
    DCTERMS,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    XSD,
    DefinedNamespace,
    Namespace,
)
from rdflib.term import URIRef

from kg.terms import ENTITY_IRI, ENTITY_TYPES, PREDICATES

ONTOLOGY_PATH = Path(__file__).resolve().parents[1] / "ontology" / "kg.ttl"

ENTITY = Namespace(ENTITY_IRI)
ARTICLE = Namespace("https://w3id.org/akg/article/")
EVENT = Namespace("https://w3id.org/akg/event/")
WD = Namespace("http://www.wikidata.org/entity/")
CAMEO = Namespace("http://eventdata.parusanalytics.com/cameo/")


class KG(DefinedNamespace):
    """kg's own ontology: entity classes, event classes and the relation predicates.

    Generated from, and tested against, ontology/kg.ttl.
    """

    _fail = True
    _NS = Namespace("https://w3id.org/akg/ontology#")

    # Entity classes
    Actor: URIRef  # Someone or something that acts in an event
    Person: URIRef  # A human being (NER type PER)
    Organization: URIRef  # A government, ministry, party, army, company or other body (ORG)
    Location: URIRef  # A country, city, region or other place (LOC)
    Miscellaneous: URIRef  # A named thing that is neither person, organisation nor place (MISC)

    # Text spans: NIF strings whose offsets index an article's body
    Mention: URIRef  # A span that names an entity
    Evidence: URIRef  # The sentence that states an event

    # Event classes, one per relation predicate
    Event: URIRef  # One actor doing something to a target, as stated in one sentence
    CalledForEvent: URIRef  # Appeal or demand (CAMEO 02, 10)
    MetEvent: URIRef  # Meeting, talks, hosting, phone call (CAMEO 04)
    VisitedEvent: URIRef  # Visit to a place (CAMEO 042, 043)
    PraisedEvent: URIRef  # Praise, welcome, endorsement (CAMEO 051)
    SupportedEvent: URIRef  # Backing, pledged support or aid (CAMEO 03, 07)
    DeployedEvent: URIRef  # Forces or peacekeepers sent to a place (CAMEO 074, 15)
    CondemnedEvent: URIRef  # Criticism, denunciation, condemnation (CAMEO 111)
    AccusedEvent: URIRef  # Accusation, blame (CAMEO 112)
    RejectedEvent: URIRef  # Rejection, refusal, opposition (CAMEO 12)
    ThreatenedEvent: URIRef  # Threat, warning (CAMEO 13)
    SanctionedEvent: URIRef  # Sanctions, blockade, cut ties (CAMEO 16)
    ArrestedEvent: URIRef  # Arrest, detention (CAMEO 173)
    AttackedEvent: URIRef  # Attack, bombing, strike (CAMEO 18, 19)
    KilledEvent: URIRef  # Killing, assassination (CAMEO 18, 20)
    DismissedEvent: URIRef  # Dismissal from office (no CAMEO code; near 0831)
    AppointedEvent: URIRef  # Appointment, nomination (no CAMEO code)
    LeaderOfEvent: URIRef  # A sentence states that a person heads a state or body
    MemberOfEvent: URIRef  # A sentence states that someone is an official of a body or state
    LocatedInEvent: URIRef  # A sentence states that one place lies inside another
    PartOfEvent: URIRef  # A sentence states that a body is part of another or of a state

    # Relation predicates: the direct edges, all sub-properties of relatedTo
    relatedTo: URIRef  # An article states, without negating it, a relation between two entities
    called_for: URIRef  # The subject appealed to, urged or demanded something of the object
    met: URIRef  # The subject met, held talks with, hosted or phoned the object
    visited: URIRef  # The subject travelled to the object
    praised: URIRef  # The subject praised, welcomed or endorsed the object
    supported: URIRef  # The subject backed, or pledged support or aid to, the object
    deployed: URIRef  # The subject sent or deployed forces or peacekeepers to the object
    condemned: URIRef  # The subject criticised, denounced or condemned the object
    accused: URIRef  # The subject accused or blamed the object
    rejected: URIRef  # The subject rejected, refused or opposed the object
    threatened: URIRef  # The subject threatened or warned the object
    sanctioned: URIRef  # The subject imposed sanctions or a blockade on the object
    arrested: URIRef  # The subject arrested or detained the object
    attacked: URIRef  # The subject attacked, bombed or struck the object
    killed: URIRef  # The subject killed or assassinated the object
    dismissed: URIRef  # The subject dismissed the object from office
    appointed: URIRef  # The subject appointed or nominated the object
    leader_of: URIRef  # The subject heads the state, government or organisation
    member_of: URIRef  # The subject is a minister, official or spokesperson of the object
    located_in: URIRef  # The subject is a place inside the object
    part_of: URIRef  # The subject is a body inside the object

    # Event participants and provenance
    actor: URIRef  # Who does what the event reports: the subject of the relation
    target: URIRef  # Whom or what the event concerns: the object of the relation
    evidence: URIRef  # The sentence that states the event
    mentionedIn: URIRef  # An article that names the entity
    hasMention: URIRef  # A span of an article's body that names the entity
    inArticle: URIRef  # The article whose body a span's offsets index
    confidence: URIRef  # How sure the extractor is, from 0 to 1 (xsd:decimal)
    negated: URIRef  # True when the sentence says the event did not happen (xsd:boolean)
    trigger: URIRef  # The word, as written, that expresses the event
    sentenceIndex: URIRef  # The position of the span's sentence in its article, from 0
    cameoCode: URIRef  # A CAMEO code an event class corresponds to, leading zeros kept


class SEM(DefinedNamespace):
    """The terms kg uses of the Simple Event Model."""

    _fail = True
    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")

    Actor: URIRef  # Entities that take part in an Event
    Event: URIRef  # Things that happen
    Place: URIRef  # Locations where an Event happens
    eventProperty: URIRef  # Connects Events to other SEM Core entities
    hasActor: URIRef  # Which Actors participate in an Event
    hasTimeStamp: URIRef  # When an Event took place


class NIF(DefinedNamespace):
    """The terms kg uses of the NLP Interchange Format core ontology."""

    _fail = True
    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

    Phrase: URIRef  # A phrase of a text
    RFC5147String: URIRef  # A string named by an RFC 5147 fragment, #char=begin,end
    Sentence: URIRef  # A sentence of a text
    anchorOf: URIRef  # The text of the span
    beginIndex: URIRef  # Offset of the span's first character
    endIndex: URIRef  # Offset just past the span's last character


# NER type code → entity class.
ENTITY_CLASSES = dict(zip(ENTITY_TYPES, (KG.Person, KG.Organization, KG.Location, KG.Miscellaneous), strict=True))

# Prefixes bound in every serialisation.
PREFIXES = (
    ("kg", KG._NS),
    ("ent", ENTITY),
    ("art", ARTICLE),
    ("ev", EVENT),
    ("wd", WD),
    ("schema", SDO._NS),
    ("dcterms", DCTERMS._NS),
    ("prov", PROV._NS),
    ("sem", SEM._NS),
    ("nif", NIF._NS),
    ("owl", OWL._NS),
    ("rdf", RDF._NS),
    ("rdfs", RDFS._NS),
    ("skos", SKOS._NS),
    ("xsd", XSD._NS),
)


def event_class(predicate: str) -> URIRef:
    """The event class of a relation predicate: `leader_of` → kg:LeaderOfEvent.

    Raises:
        ValueError: when `predicate` is not one of PREDICATES.
    """
    if predicate not in PREDICATES:
        raise ValueError(f"not a relation predicate: {predicate!r}")
    return KG["".join(part.capitalize() for part in predicate.split("_")) + "Event"]
