"""Write kg/data/news_words.txt: the word forms of the NER training text, most frequent first.

`kg install-data` analyses these words once on the user's machine (`kg.nlp.CommonReadings`), so
that a first run starts with their readings. Read from ANERcorp train (CC BY-SA 4.0) and AQMAR
train (CC BY-SA 3.0), the text the shipped CRF is trained on (`kg.cli.NER_TRAINING`); not from ANT,
the benchmark corpus. Run: .venv/bin/python scripts/build_word_list.py
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from kg.cli import NER_TRAINING
from kg.nlp import COMMON_WORDS, MAX_COMMON_WORDS, word_keys

HEADER = """# Word forms (undiacritised, no tatweel) of the NER training text, most frequent first: what
# `kg install-data` analyses once into the readings table (kg.nlp.CommonReadings). Built by
# scripts/build_word_list.py from ANERcorp train (Benajiba, Rosso & Benedí 2007; CAMeL Lab split,
# Obeid et al. 2020; CC BY-SA 4.0; ../shared/data/anercorp/SOURCE.md) and AQMAR train (Mohit et
# al. 2012; Liu et al. 2019 split; CC BY-SA 3.0; ../shared/data/aqmar/). A list derived from them:
# CC BY-SA, as kg/data/ner/ (trained on the same text). Not from ANT, the benchmark corpus.
"""


def main() -> None:
    counts: Counter[str] = Counter()
    for path, _, _ in NER_TRAINING:
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                counts.update(word_keys(parts[0]))
    ranked = sorted(counts, key=lambda word: (-counts[word], word))[:MAX_COMMON_WORDS]
    COMMON_WORDS.write_text(HEADER + "".join(f"{word}\n" for word in ranked), encoding="utf-8")
    print(f"{COMMON_WORDS}: {len(ranked)} words of {len(counts)}")


if __name__ == "__main__":
    main()
