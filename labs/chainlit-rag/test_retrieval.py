"""Tests of the lab's retrieval; standard library only: python3 -m unittest discover -s labs/chainlit-rag"""

import tempfile
import unittest
from pathlib import Path

from retrieval import Bm25Index, Passage, build_messages, cited, load_folder, markdown_passages, text_passages, words


class WordsTest(unittest.TestCase):
    def test_folds_case_and_accents_in_any_script(self):
        self.assertEqual(words("Café, NAÏVE"), ["cafe", "naive"])
        # Marks go in every script: Cyrillic й folds to и as é folds to e.
        self.assertEqual(words("Модел на устройството"), ["модел", "на", "устроиството"])
        self.assertEqual(words("نموذج محلي"), ["نموذج", "محلي"])


class PassagesTest(unittest.TestCase):
    def test_markdown_is_cut_at_headings_but_not_inside_code(self):
        passages = markdown_passages("Intro.\n\n## Ports\n\nIt moves.\n\n```bash\n# not a heading\n```\n\n## Ids\n\nUse full ids.", "notes.md")
        self.assertEqual([(p.section, p.text) for p in passages], [("notes.md", "Intro."), ("Ports", "It moves.\n\n# not a heading"), ("Ids", "Use full ids.")])

    def test_long_sections_become_several_passages(self):
        paragraph = "word " * 100
        passages = markdown_passages("## Long\n\n" + "\n\n".join([paragraph.strip()] * 6), "long.md")
        self.assertGreater(len(passages), 1)
        self.assertTrue(all(p.section == "Long" for p in passages))

    def test_text_files_are_grouped_under_their_name(self):
        self.assertEqual(text_passages("One.\r\n\r\nTwo.", "a.txt"), [Passage("a.txt", "a.txt", "One.\n\nTwo.")])

    def test_a_folder_yields_its_markdown_and_text_files_and_skips_the_rest(self):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            (root / "guide.md").write_text("## Setup\n\nInstall it.", encoding="utf-8")
            (root / "notes.txt").write_text("A note.", encoding="utf-8")
            (root / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0 not utf-8")
            (root / "slides.pdf").write_bytes(b"%PDF-1.7")
            self.assertEqual(sorted(p.source for p in load_folder(root)), ["guide.md", "notes.txt"])


class Bm25Test(unittest.TestCase):
    def setUp(self):
        self.index = Bm25Index(
            [
                Passage("a.md", "Docker", "Run Open WebUI in a container with docker run."),
                Passage("a.md", "Ports", "Foundry Local picks a new port on every start; pin the port."),
                Passage("b.txt", "b.txt", "Квоките живеят на остров Ротнест."),
            ]
        )

    def test_ranks_the_passage_with_the_telling_words_first(self):
        best, score = self.index.search("Which port does Foundry Local use?")[0]
        self.assertEqual(best.section, "Ports")
        self.assertGreater(score, 0)

    def test_finds_cyrillic_text(self):
        self.assertEqual(self.index.search("Къде живеят квоките?")[0][0].source, "b.txt")

    def test_returns_nothing_when_no_word_matches(self):
        self.assertEqual(self.index.search("zebra"), [])

    def test_limits_the_results(self):
        self.assertEqual(len(self.index.search("port docker квоките", limit=2)), 2)

    def test_an_empty_index_finds_nothing(self):
        self.assertEqual(Bm25Index([]).search("anything"), [])


class PromptTest(unittest.TestCase):
    def test_numbers_the_passages_and_ends_with_the_question(self):
        messages = build_messages(" Which port? ", [Passage("a.md", "Ports", "It moves.")])
        self.assertEqual(messages[0]["role"], "system")
        self.assertIn("[1]", messages[0]["content"])
        self.assertEqual(messages[1]["content"], "Passages:\n\n[1] Ports (a.md)\nIt moves.\n\nQuestion: Which port?")

    def test_reads_citations_once_each_ignoring_unknown_numbers(self):
        self.assertEqual(cited("It moves [2]. Pin it [1][2]. See [9].", 2), [2, 1])

    def test_reads_marks_naming_several_passages_and_arabic_indic_digits(self):
        self.assertEqual(cited("Both [2, 1].", 2), [2, 1])
        self.assertEqual(cited("كما في [١]", 2), [1])


if __name__ == "__main__":
    unittest.main()
