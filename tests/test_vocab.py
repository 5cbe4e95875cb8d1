import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.vocab import CAMEO, KG, NIF, ONTOLOGY_PATH, PREDICATES, SEM, event_class

# CONTRACT.md's relation vocabulary and the CAMEO codes of each predicate.
CAMEO_CODES = {
    "called_for": {"02", "10"},
    "met": {"04"},
    "visited": {"042", "043"},
    "praised": {"051"},
    "supported": {"03", "07"},
    "deployed": {"074", "15"},
    "condemned": {"111"},
    "accused": {"112"},
    "rejected": {"12"},
    "threatened": {"13"},
    "sanctioned": {"16"},
    "arrested": {"173"},
    "attacked": {"18", "19"},
    "killed": {"18", "20"},
    "dismissed": set(),
    "appointed": set(),
    "leader_of": set(),
    "member_of": set(),
    "located_in": set(),
    "part_of": set(),
}
DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


def _terms_in(ontology: Graph, namespace) -> set[str]:
    return {
        str(term)[len(namespace._NS) :]
        for triple in ontology
        for term in triple
        if isinstance(term, URIRef) and term.startswith(namespace._NS)
    }


def test_every_ontology_term_is_in_the_namespace_class(ontology):
    assert _terms_in(ontology, KG) == set(KG.__annotations__)


@pytest.mark.parametrize("term", sorted(KG.__annotations__))
def test_every_namespace_term_is_declared_and_labelled(ontology, term):
    iri = KG[term]
    assert set(ontology.objects(iri, RDF.type)) & DECLARATIONS
    languages = {label.language for label in ontology.objects(iri, RDFS.label)}
    assert languages == {"en", "ar"}
    assert {comment.language for comment in ontology.objects(iri, RDFS.comment)} == {"en", "ar"}


@pytest.mark.parametrize("namespace", [SEM, NIF])
def test_borrowed_terms_are_in_their_namespace_classes(ontology, namespace):
    assert _terms_in(ontology, namespace) <= set(namespace.__annotations__)


def test_predicates_follow_the_contract():
    assert PREDICATES == tuple(CAMEO_CODES)


def test_predicates_are_exactly_the_relation_properties(ontology):
    relations = {str(p)[len(KG._NS) :] for p in ontology.subjects(RDFS.subPropertyOf, KG.relatedTo)}
    assert relations == set(PREDICATES)


@pytest.mark.parametrize("predicate", PREDICATES)
def test_predicate_has_property_and_event_class(ontology, predicate):
    assert (KG[predicate], RDF.type, OWL.ObjectProperty) in ontology
    assert (event_class(predicate), RDF.type, OWL.Class) in ontology
    assert (event_class(predicate), RDFS.subClassOf, KG.Event) in ontology
    assert (event_class(predicate), RDFS.seeAlso, KG[predicate]) in ontology


@pytest.mark.parametrize("predicate", PREDICATES)
def test_event_class_carries_its_cameo_codes(ontology, predicate):
    cls = event_class(predicate)
    codes = CAMEO_CODES[predicate]
    assert set(ontology.objects(cls, KG.cameoCode)) == {Literal(code) for code in codes}
    assert set(ontology.objects(cls, SKOS.closeMatch)) == {CAMEO[code] for code in codes}


def test_event_classes_are_the_predicates_and_event(ontology):
    events = set(ontology.subjects(RDFS.subClassOf, KG.Event))
    assert events == {event_class(predicate) for predicate in PREDICATES}


@pytest.mark.parametrize("term", ["Persn", "praise", "Praised", "leaderOf"])
def test_misspelt_term_fails(term):
    with pytest.raises(AttributeError):
        getattr(KG, term)
    with pytest.raises(AttributeError):
        KG[term]


@pytest.mark.parametrize("predicate", ["praise", "PRAISED", "relatedTo", ""])
def test_event_class_of_unknown_predicate_fails(predicate):
    with pytest.raises(ValueError):
        event_class(predicate)
