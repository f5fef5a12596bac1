"""Reads an HTML document on standard input with Python's own html.parser and prints its outline as JSON, for the
tests of the HTML export (Tests/MinutesKitTests/MinutesExport/HTMLExporterTests.swift):

    {"tags": ["html", "head", ...], "texts": ["text of each h1-h6, p, li, th, td, title", ...],
     "lang": "zh-Hant", "unclosed": [], "stray": []}

`tags` are the start tags in document order; `texts` the character data of each text block, entities resolved;
`unclosed` the elements left open at the end and `stray` the end tags that close nothing open (both empty for a
well-formed document; void elements such as <meta> and <hr> need no end tag).
"""
import json
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "th", "td", "title"}


class Outline(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.texts, self.open, self.stray, self.lang = [], [], [], [], None
        self.block = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if tag in BLOCKS:
            self.block = []
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in BLOCKS and self.block is not None:
            self.texts.append("".join(self.block))
            self.block = None
        if self.open and self.open[-1] == tag:
            self.open.pop()
        else:
            self.stray.append(tag)

    def handle_data(self, data):
        if self.block is not None:
            self.block.append(data)


if __name__ == "__main__":
    outline = Outline()
    outline.feed(sys.stdin.read())
    outline.close()
    json.dump({"tags": outline.tags, "texts": outline.texts, "lang": outline.lang, "unclosed": outline.open,
               "stray": outline.stray}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
