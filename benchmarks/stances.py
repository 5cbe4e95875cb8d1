"""Count stances told as statements (وصف، اعتبر، حمّل، نفى، رفض، رحب، ثمّن، أشاد، احتج، أعرب عن) in the ANT
texts and the web dev gold's articles: regexes over sentences split at . ! ؟ and line ends; usage:
`python benchmarks/stances.py [KIND-PREFIX ...]` prints the counts and, for each kind named, 12 ANT hits
(seed 13) and up to 6 web ones."""
import glob
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
W = r"(?:\S+\s+){0,%d}"  # up to N words between


def P(verb: str) -> str:
    """A word at a word boundary, with و or ف before it."""
    return r"(?:^|\s)[وف]?" + verb


PATTERNS = {
    "S1 وصف … بأنه/بـ": P(r"(?:وصف|وصفت|يصف|تصف|واصفا|واصفة)\S*\s+") + W % 10 + r"(?:بأن|بانه|بأنها|بانها|ب(?:ال)?\S+)",
    "S2 وصفه ما … بـ (relative)": P(r"(?:بما|ما)\s+(?:وصفه|وصفته|يصفه|تصفه|وصفها)"),
    "A1 اعتبر أن … مسؤول": P(r"(?:اعتبر|اعتبرت|يعتبر|تعتبر|معتبرا)\S*\s+") + W % 3 + r"(?:أن|ان)\s+" + W % 8 + r"(?:مسؤول|المسؤول)",
    "A2 حمّل … مسؤولية (exists)": P(r"(?:حمل|حملت|حمّل|حمّلت|يحمل|تحمل|محملا)\s+") + W % 8 + r"(?:ال)?مسؤولي",
    "N1 نفى … اتهامات/مزاعم/تصريحات": P(r"(?:نفى|نفت|ينفي|تنفي|نافيا)\s+") + W % 4 + r"(?:ال)?(?:اتهام|إتهام|ادعاء|إدعاء|مزاعم|تصريح|اتهامات|ادعاءات|تصريحات)",
    "N2 نفى, any object": P(r"(?:نفى|نفت|ينفي|تنفي|نافيا)\s"),
    "R1 رفض … تصريحات/اتهامات (exists)": P(r"(?:رفض|رفضت|يرفض|ترفض|رافضا)\s+") + W % 4 + r"(?:ال)?(?:اتهام|ادعاء|مزاعم|تصريح)",
    "P1 رحب بقرار/بموقف (exists)": P(r"(?:رحب|رحبت|يرحب|ترحب|مرحبا)\S*\s+") + W % 6 + r"ب(?:ال)?(?:قرار|موقف|دعوة|مبادرة|جهود|إعلان|اعلان)",
    "P2 ثمّن موقف/جهود (exists)": P(r"(?:ثمن|ثمنت|ثمّن|ثمّنت|يثمن|تثمن|مثمنا)\s+") + W % 6 + r"(?:ال)?(?:موقف|قرار|جهود|دور|مبادرة)",
    "P3 أشاد بـ (exists)": P(r"(?:أشاد|اشاد|أشادت|اشادت|يشيد|تشيد|مشيدا)\s+") + W % 6 + r"ب",
    "C1 احتج على": P(r"(?:احتج|احتجت|يحتج|تحتج|محتجا)\s+") + W % 6 + r"على\s",
    "C2 احتجاج X على": P(r"(?:احتجاج|احتجاجها|احتجاجه|احتجاجا)\s+") + W % 4 + r"على\s",
    "E1 أعرب عن قلق (no event)": P(r"(?:أعرب|اعرب|أعربت|اعربت|يعرب|تعرب|معربا)\s+") + W % 6 + r"عن\s+(?:بالغ\s+|عميق\s+)?(?:قلق|انشغال|استياء)",
    "E2 أعرب عن إدانة/رفض/ترحيب/دعم": P(r"(?:أعرب|اعرب|أعربت|اعربت|يعرب|تعرب|معربا)\s+") + W % 6 + r"عن\s+(?:\S+\s+)?(?:إدانت|ادانت|استنكار|رفض|ترحيب|دعم|تضامن|تقدير|شكر|امتنان)",
}


def sentences(text: str):
    """The sentences of a text, tashkeel removed, each with a space before it."""
    text = re.sub("[\u064b-\u0652]", "", text)
    for sentence in re.split(r"[.!؟\n]+", text):
        if sentence.strip():
            yield " " + sentence.strip()


def documents() -> list[tuple[str, str, str]]:
    """(collection, name, text) of the ANT articles and the web dev gold's articles."""
    docs = []
    for path in sorted(glob.glob(str(ROOT.parent / "shared/corpus/ant/*/*.txt"))):
        text = open(path, encoding="utf-8", errors="ignore").read()
        body = re.search(r"<TEXT>(.*?)</TEXT>", text, re.S)
        docs.append(("ant", Path(path).name, body.group(1) if body else text))
    dev = {json.loads(line)["doc"] for line in open(ROOT / "tests/data/relations_gold/web_dev.jsonl")}
    for line in open(ROOT / "tests/data/relations_gold/web_articles.jsonl"):
        article = json.loads(line)
        if article["id"] in dev:
            docs.append(("web", article["id"], (article["title"] or "") + "\n" + article["text"]))
    return docs


def main(show: list[str]) -> None:
    docs = documents()
    rx = {kind: re.compile(pattern) for kind, pattern in PATTERNS.items()}
    hits = {(kind, c): [] for kind in rx for c in ("ant", "web")}
    for c, name, text in docs:
        for sentence in sentences(text):
            for kind, pattern in rx.items():
                if pattern.search(sentence):
                    hits[(kind, c)].append((name, sentence))
    print("docs", sum(c == "ant" for c, *_ in docs), "ant,", sum(c == "web" for c, *_ in docs), "web dev")
    print("| kind | ANT sentences | web dev sentences |\n|---|---:|---:|")
    for kind in rx:
        print(f"| {kind} | {len(hits[(kind, 'ant')])} | {len(hits[(kind, 'web')])} |")
    for kind in rx:
        if any(kind.startswith(prefix) for prefix in show):
            print("==", kind)
            ant = hits[(kind, "ant")]
            for name, sentence in random.Random(13).sample(ant, min(12, len(ant))) + hits[(kind, "web")][:6]:
                m = rx[kind].search(sentence)
                print("-", name, "|", sentence[max(0, m.start() - 60) : m.end() + 80])


if __name__ == "__main__":
    main(sys.argv[1:])
