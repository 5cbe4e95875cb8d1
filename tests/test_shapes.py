from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SH, XSD

from kg.rdf import to_dataset, union_graph
from kg.read import read_inputs
from kg.vocab import ARTICLE, ENTITY, KG, NIF

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"

# The entailment regimes a consumer may validate under: none, and RDFS over kg's ontology.
INFERENCES = ("none", "rdfs")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    """Every ontology file but the shapes, as a consumer hands them to pySHACL's ont_graph."""
    graph = Graph()
    for path in sorted(ONTOLOGY_DIR.glob("*.ttl")):
        if path != SHAPES_PATH:
            graph.parse(path, format="turtle")
    return graph


@pytest.fixture(scope="module")
def example(pipeline) -> Dataset:
    return to_dataset(pipeline(doc) for doc in read_inputs([]))


@pytest.fixture(scope="module")
def ant(ant_extractions) -> Dataset:
    return to_dataset(ant_extractions)


def _report(data: Graph, shapes: Graph, ontology: Graph, inference: str) -> tuple[bool, str]:
    conforms, _, text = validate(data, shacl_graph=shapes, ont_graph=ontology, inference=inference)
    return conforms, text


def _any(graph: Graph, predicate: URIRef, obj=None) -> URIRef:
    return sorted(graph.subjects(predicate, obj))[0]


@pytest.mark.parametrize("inference", INFERENCES)
def test_example_conforms(example, shapes, ontology, inference):
    for data in (example, union_graph(example)):
        conforms, text = _report(data, shapes, ontology, inference)
        assert conforms, text


def test_ant_articles_conform(ant, shapes, ontology):
    assert sum(1 for g in ant.graphs() if len(g)) == 200
    for data in (ant, union_graph(ant)):
        conforms, text = _report(data, shapes, ontology, "none")
        assert conforms, text


def test_ant_articles_conform_under_rdfs(ant, shapes, ontology):
    # The merged graph only: pySHACL would entail each of the 200 named graphs with the
    # ontology apart, as long again. Entailment only adds triples, so what it can newly break
    # is an "every value" or "at most" constraint, and those that fail in one article's graph
    # fail in the merged graph too; the "at least" ones are checked per article above.
    conforms, text = _report(union_graph(ant), shapes, ontology, "rdfs")
    assert conforms, text


def test_closed_shapes_ignore_exactly_the_entailed_super_properties(shapes, ontology):
    closed = sorted(shapes.subjects(SH.closed, Literal(True)))
    assert closed
    for shape in closed:
        declared = {shapes.value(prop, SH.path) for prop in shapes.objects(shape, SH.property)}
        entailed = {
            sup
            for path in declared
            for sup in ontology.transitive_objects(path, RDFS.subPropertyOf)
            if sup not in declared
        }
        ignored = set(Collection(shapes, shapes.value(shape, SH.ignoredProperties) or RDF.nil))
        assert ignored == entailed, shape


def test_shapes_target_every_class_kg_writes(ant, shapes):
    targeted = set(shapes.objects(None, SH.targetClass))
    written = set(union_graph(ant).objects(None, RDF.type))
    assert written <= targeted


def _confidence_above_one(g: Graph) -> None:
    event = _any(g, KG.confidence)
    g.set((event, KG.confidence, Literal("1.5", datatype=XSD.decimal)))


def _event_without_actor(g: Graph) -> None:
    g.remove((_any(g, KG.actor), KG.actor, None))


def _evidence_text_shorter_than_offsets(g: Graph) -> None:
    span = _any(g, RDF.type, KG.Evidence)
    g.set((span, NIF.anchorOf, Literal(str(g.value(span, NIF.anchorOf))[1:])))


def _span_iri_disagrees_with_offsets(g: Graph) -> None:
    span = _any(g, RDF.type, KG.Mention)
    g.set((span, NIF.beginIndex, Literal(g.value(span, NIF.beginIndex).toPython() + 1)))


def _entity_without_arabic_label(g: Graph) -> None:
    entity = _any(g, KG.mentionedIn)
    for label in list(g.objects(entity, RDFS.label)):
        if label.language == "ar":
            g.remove((entity, RDFS.label, label))


def _same_as_outside_wikidata(g: Graph) -> None:
    g.add((_any(g, KG.mentionedIn), OWL.sameAs, URIRef("http://dbpedia.org/resource/Kazakhstan")))


def _article_without_source(g: Graph) -> None:
    g.remove((None, DCTERMS.source, None))


def _stray_property_on_event(g: Graph) -> None:
    g.add((_any(g, KG.actor), RDFS.comment, Literal("not in the shape")))


def _blank_node_in_relation(g: Graph) -> None:
    g.add((BNode(), KG.praised, _any(g, KG.mentionedIn)))


def _relation_to_unknown_entity(g: Graph) -> None:
    g.add((_any(g, KG.mentionedIn), KG.praised, ENTITY["nobody"]))


def _event_evidence_in_another_article(g: Graph) -> None:
    other = ARTICLE["another"]
    g.add((other, RDF.type, SDO.NewsArticle))
    g.add((other, DCTERMS.source, Literal("tests")))
    g.set((_any(g, KG.actor), PROV.wasDerivedFrom, other))


def _entity_typed_with_an_event_superclass(g: Graph) -> None:
    g.add((_any(g, KG.mentionedIn), RDF.type, KG.Event))


def _event_with_two_event_classes(g: Graph) -> None:
    event = _any(g, KG.actor)
    other = next(c for c in (KG.MetEvent, KG.PraisedEvent) if (event, RDF.type, c) not in g)
    g.add((event, RDF.type, other))


def _span_typed_as_a_person(g: Graph) -> None:
    g.add((_any(g, RDF.type, KG.Mention), RDF.type, SDO.Person))


def _same_as_on_an_event(g: Graph) -> None:
    event = _any(g, KG.actor)
    g.add((event, OWL.sameAs, event))


BREAKS = [
    _confidence_above_one,
    _event_without_actor,
    _evidence_text_shorter_than_offsets,
    _span_iri_disagrees_with_offsets,
    _entity_without_arabic_label,
    _same_as_outside_wikidata,
    _article_without_source,
    _stray_property_on_event,
    _blank_node_in_relation,
    _relation_to_unknown_entity,
    _event_evidence_in_another_article,
    _entity_typed_with_an_event_superclass,
    _event_with_two_event_classes,
    _span_typed_as_a_person,
    _same_as_on_an_event,
]
# RDFS entailment adds types and super-property triples, so it could hide only breaks of the
# constraints on types, on closed shapes and on what a relation's ends are; those are checked
# with it too (each costs an entailment of the ontology).
BREAKS_ENTAILMENT_TOUCHES = [
    _stray_property_on_event,
    _blank_node_in_relation,
    _relation_to_unknown_entity,
    _entity_typed_with_an_event_superclass,
    _event_with_two_event_classes,
    _span_typed_as_a_person,
    _same_as_on_an_event,
]


@pytest.mark.parametrize(
    ("break_graph", "inference"),
    [(b, "none") for b in BREAKS] + [(b, "rdfs") for b in BREAKS_ENTAILMENT_TOUCHES],
)
def test_broken_graph_does_not_conform(example, shapes, ontology, break_graph, inference):
    graph = union_graph(example)
    break_graph(graph)
    conforms, _ = _report(graph, shapes, ontology, inference)
    assert not conforms
