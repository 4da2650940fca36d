"""Retrieval for the Chainlit RAG lab, in plain Python (standard library only).

Documents are cut into passages (Markdown at its headings, text at blank lines), ranked against the
question with BM25, and the best few are numbered in the prompt so the model can cite them as [1], [2].
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

# Passages are cut near this many characters, at a paragraph break.
PASSAGE_TARGET_CHARS = 900

_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Passage:
    source: str
    section: str
    text: str


def words(text: str) -> list[str]:
    """Words folded for search: no accents or other marks, no case."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return [word.casefold() for word in _WORD.findall(stripped)]


def _cut(paragraphs: list[str]) -> list[str]:
    parts: list[str] = []
    current = ""
    for paragraph in paragraphs:
        if current and len(current) + len(paragraph) > PASSAGE_TARGET_CHARS:
            parts.append(current)
            current = ""
        current = f"{current}\n\n{paragraph}" if current else paragraph
    if current:
        parts.append(current)
    return parts


def markdown_passages(text: str, source: str) -> list[Passage]:
    """Passages of a Markdown document, one section at a time; headings inside code are not headings."""
    sections: list[tuple[str, list[str]]] = [(source, [])]
    paragraph: list[str] = []
    fence: str | None = None

    def flush() -> None:
        if paragraph:
            sections[-1][1].append("\n".join(paragraph).strip())
            paragraph.clear()

    for line in text.replace("\r\n", "\n").split("\n"):
        marker = _FENCE.match(line)
        if fence:
            if marker and marker.group(1)[0] == fence[0] and line.strip() == marker.group(1):
                fence = None
            else:
                paragraph.append(line)
            continue
        if marker:
            fence = marker.group(1)
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            sections.append((heading.group(1), []))
        elif not line.strip():
            flush()
        else:
            paragraph.append(line)
    flush()
    return [Passage(source, section, part) for section, paragraphs in sections for part in _cut([p for p in paragraphs if p])]


def text_passages(text: str, source: str) -> list[Passage]:
    """Passages of a plain-text file: its paragraphs, grouped under the file's name."""
    paragraphs = [block.strip() for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if block.strip()]
    return [Passage(source, source, part) for part in _cut(paragraphs)]


def load_folder(folder: Path) -> list[Passage]:
    """Every .md and .txt file under a folder, as passages. Files that are not UTF-8 text are skipped."""
    passages: list[Passage] = []
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() not in {".md", ".markdown", ".txt"} or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        name = str(path.relative_to(folder))
        passages += markdown_passages(text, name) if path.suffix.lower() != ".txt" else text_passages(text, name)
    return passages


class Bm25Index:
    """Okapi BM25 over passages (section heading and text). k1 and b are the usual defaults."""

    def __init__(self, passages: list[Passage], k1: float = 1.2, b: float = 0.75) -> None:
        self.passages = passages
        self.k1 = k1
        self.b = b
        self.terms = [Counter(words(f"{passage.section} {passage.text}")) for passage in passages]
        self.lengths = [sum(counts.values()) for counts in self.terms]
        self.average_length = sum(self.lengths) / len(self.lengths) if passages else 0.0
        document_frequency: Counter[str] = Counter()
        for counts in self.terms:
            document_frequency.update(counts.keys())
        total = len(passages)
        self.idf = {term: math.log(1 + (total - count + 0.5) / (count + 0.5)) for term, count in document_frequency.items()}

    def search(self, question: str, limit: int = 3) -> list[tuple[Passage, float]]:
        """The best passages for a question, best first, with their scores; none when no word matches."""
        query = set(words(question))
        scored: list[tuple[Passage, float]] = []
        for passage, counts, length in zip(self.passages, self.terms, self.lengths):
            score = 0.0
            for term in query & counts.keys():
                frequency = counts[term]
                score += self.idf[term] * frequency * (self.k1 + 1) / (frequency + self.k1 * (1 - self.b + self.b * length / self.average_length))
            if score > 0:
                scored.append((passage, score))
        scored.sort(key=lambda item: item[1], reverse=True)
        return scored[:limit]


INSTRUCTIONS = (
    "Use only the numbered passages. After each statement, cite the passage it comes from by its number "
    "in square brackets, for example [1]. If the passages do not contain the answer, say so."
)


def build_messages(question: str, passages: list[Passage]) -> list[dict[str, str]]:
    """The chat messages: instructions, then the numbered passages and the question."""
    numbered = "\n\n".join(f"[{number}] {passage.section} ({passage.source})\n{passage.text}" for number, passage in enumerate(passages, start=1))
    return [
        {"role": "system", "content": INSTRUCTIONS},
        {"role": "user", "content": f"Passages:\n\n{numbered}\n\nQuestion: {question.strip()}"},
    ]


def cited(answer: str, passage_count: int) -> list[int]:
    """Passage numbers the answer cites ([1], [1, 2], or Arabic-Indic [١]), each once, in order;
    numbers that name no passage are ignored."""
    numbers: list[int] = []
    for match in re.finditer(r"\[(\d{1,2}(?:\s*[,،]\s*\d{1,2})*)\]", answer):
        for part in re.split(r"\s*[,،]\s*", match.group(1)):
            number = int(part)  # int() reads any Unicode decimal digit
            if 1 <= number <= passage_count and number not in numbers:
                numbers.append(number)
    return numbers
