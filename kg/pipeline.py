"""Run the stages on one article: nlp → ner → link → relations, and the contract's JSON."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from kg import kb_image
from kg.camel_db import load_analyzer
from kg.camelbert import CamelBertTagger, resolve_ner
from kg.kb import KnowledgeBase
from kg.lexicon import Lexicon
from kg.link import Linker
from kg.ner import Recognizer
from kg.nlp import Analyzer, CommonReadings
from kg.relations import RelationExtractor, load_capitals
from kg.tagger import MODEL_DIR, Tagger
from kg.types import Document, Extraction, Relation, Sentence


HEADLINE = -1  # the sentence number of a relation found in the title (CONTRACT.md)


@dataclass(frozen=True, slots=True)
class _Headline:
    doc: Document  # the article with its title as body
    sentences: tuple[Sentence, ...]


class Pipeline:
    """The stages with their resources, loaded once and applied to each article."""

    def __init__(self, analyzer: Analyzer, kb: KnowledgeBase, lexicon: Lexicon,
                 tagger: Tagger | CamelBertTagger | None = None, linker: Linker | None = None):
        """Args:
            linker: the knowledge base's linker when it is already built (`kb_image`); None builds it.
        """
        self.analyze = analyzer
        self.recognize = Recognizer(kb, lexicon, tagger)
        self.link = linker if linker is not None else kb_image.linker(kb, lexicon)
        self.extract_relations = RelationExtractor(lexicon, kb, load_capitals())

    @classmethod
    def load(cls, ner: str = "auto", ner_model: Path | None = MODEL_DIR) -> Pipeline:
        """Load the morphology database, knowledge base, lexicons and NER model.

        Args:
            ner: the statistical tagger: "crf", "camelbert" (camel-tools' BERT NER) or "auto"
                (camelbert when its model is installed, else crf).
            ner_model: the CRF's model folder (default: the shipped one); None runs without a tagger.
        Raises:
            kg.camel_db.MissingDatabase: when the database is not installed.
            kg.camelbert.MissingModel: when camelbert is asked for and its model is not installed.
        """
        ner = resolve_ner(ner)
        lexicon = Lexicon.load()
        morphology = load_analyzer()
        analyzer = Analyzer(morphology, {lemma for lemma, _ in lexicon.triggers}, CommonReadings.load(morphology),
                            lexicon.relative_pronouns)
        kb_path = kb_image.image_path(lexicon)  # its name keys the CRF features table too
        kb, linker = kb_image.load(lexicon, kb_path)
        if ner_model is None:
            tagger = None
        elif ner == "camelbert":
            tagger = CamelBertTagger.load()
        else:
            tagger = Tagger.load(analyzer, kb, ner_model, kb_path.name)
        return cls(analyzer, kb, lexicon, tagger, linker)

    def __call__(self, doc: Document) -> Extraction:
        sentences = self.analyze(doc)
        mentions = self.recognize(doc, sentences)
        headline = self._headline(doc)
        headline_mentions = self.recognize(headline.doc, headline.sentences) if headline else ()
        # The title's names are linked with the body's, so a name in both is one entity.
        entities = self.link(mentions + headline_mentions, doc.id)
        body_entities = tuple(
            replace(e, mentions=tuple(m for m in e.mentions if m.sentence != HEADLINE)) for e in entities
            if any(m.sentence != HEADLINE for m in e.mentions)
        )
        relations = self.extract_relations(doc, sentences, body_entities)
        if headline:
            relations += self._headline_relations(headline, entities, {e.id for e in body_entities}, relations, sentences)
        return Extraction(doc, sentences, body_entities, relations)

    def _headline(self, doc: Document) -> _Headline | None:
        """The title analysed as one sentence of its own, numbered HEADLINE."""
        if not doc.title or not doc.title.strip():
            return None
        title = replace(doc, body=doc.title)
        tokens = tuple(token for sentence in self.analyze(title) for token in sentence.tokens)
        return _Headline(title, (Sentence(HEADLINE, 0, len(doc.title), tokens),)) if tokens else None

    def _headline_relations(self, headline: _Headline, entities, body_ids: set[str], body_relations, sentences) -> tuple[Relation, ...]:
        """The title's events between entities the body names too, and its standing facts the
        body does not state; evidence is the whole title. An event of a predicate the body tells
        as planned, when the body does not state it, is announced, not reported (ترامب والسيسي
        يلتقيان over سيلتقي ترامب السيسي).

        A name only in the title has no offsets into the body, so it is no entity of the
        article (CONTRACT.md: mention offsets index the body).
        """
        stated = {(r.subject, r.predicate, r.object) for r in body_relations}
        found = [(r, (r.subject, r.predicate, r.object) in stated)
                 for r in self.extract_relations(headline.doc, headline.sentences, entities)
                 if r.subject in body_ids and r.object in body_ids]
        # The body is searched for plans only when the title has an event the body does not state.
        events_unstated = any(r.trigger is not None and not said for r, said in found)
        planned = self.extract_relations.planned_predicates(sentences) if events_unstated else frozenset()
        return tuple(
            replace(r, evidence=headline.doc.body) for r, said in found
            if (r.trigger is not None or not said) and not (r.trigger is not None and r.predicate in planned and not said)
        )


def to_record(extraction: Extraction) -> dict:
    """Return the JSON object of CONTRACT.md for one article."""
    doc = extraction.doc
    return {
        "doc": {"id": doc.id, "source": doc.source, "title": doc.title, "date": doc.date, "language": "ar"},
        "entities": [
            {
                "id": entity.id,
                "type": entity.type,
                "label_ar": entity.label_ar,
                "label_en": entity.label_en,
                "wikidata": entity.wikidata,
                "mentions": [
                    {"text": m.text, "start": m.start, "end": m.end, "sentence": m.sentence}
                    for m in entity.mentions
                    if m.named
                ],
            }
            for entity in extraction.entities
        ],
        "relations": [
            {
                "subject": r.subject,
                "predicate": r.predicate,
                "object": r.object,
                "sentence": r.sentence,
                "evidence": r.evidence,
                "trigger": r.trigger,
                "confidence": r.confidence,
                "negated": r.negated,
                "date": r.date,
                "attributed_to": r.attributed_to,
            }
            for r in extraction.relations
        ],
    }


def record_spans(record: dict) -> list[tuple[int, int, str]]:
    """Return (start, end, type) of each mention a `to_record` object lists, as NER is scored."""
    return [(m["start"], m["end"], e["type"]) for e in record["entities"] for m in e["mentions"]]
