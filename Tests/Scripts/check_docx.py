#!/usr/bin/env python3
"""Checks DOCX files that minutes wrote with an independent reader, python-docx (PyPI).

    python3 Tests/Scripts/check_docx.py EXPECTATIONS.json

EXPECTATIONS.json is a list of objects, one per file:
  file       the DOCX's path
  page       {"width", "height", "top", "right", "bottom", "left"} in millimetres (checked to 0.2 mm)
  styles     {style id: {"font": east Asian font or null, "ascii": Latin font or null, "size": points or null}}
  lines      the text export's lines, blank ones left out: the paragraphs' text must be these (see below)
  before     paragraphs the document has before the text export's lines (a title), as [style id, text]
  roles      [[index, style id], ...]: the style of the paragraph at index (after `before`)
  chinese    whether every run must carry the East Asian hint

The paragraphs' text is compared with the lines after undoing what the layout does to them: a tab after a label
or a number is the space it was; a bullet paragraph gets its "- " back; an issuer line's tab separates two lines.
Runs must carry no formatting of their own but a character style and the East Asian hint. Prints what differs
and exits 1; prints "N passed, 0 failed" and exits 0 when all is well. Exits 2 when python-docx is missing.
"""
import json
import re
import sys

try:
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Length
except ImportError:
    print("python-docx is not installed: pip install python-docx (.ci/run installs it)")
    sys.exit(2)

ALLOWED_RUN_PROPERTIES = {qn("w:rStyle"), qn("w:rFonts")}


def mm(length):
    return Length(length).mm


def paragraph_lines(paragraph):
    """The text export's lines a paragraph stands for."""
    text = paragraph.text
    style = paragraph.style.style_id
    if style == "IssuerLine":
        return [part for part in text.split("\t") if part]
    if style in ("Labelled", "Detail"):
        text = re.sub(r"^([^\t：]+:)\t", r"\1 ", text)
    if style == "ListNumber":
        text = re.sub(r"^([0-9]+[.)])\t", r"\1 ", text)
    if style == "ListBullet":
        text = "- " + text
    return [text]


def check(expectation):
    problems = []
    name = expectation["file"]
    document = docx.Document(name)

    section = document.sections[0]
    page = expectation["page"]
    for key, value in (("width", section.page_width), ("height", section.page_height),
                       ("top", section.top_margin), ("right", section.right_margin),
                       ("bottom", section.bottom_margin), ("left", section.left_margin)):
        if abs(mm(value) - page[key]) > 0.2:
            problems.append(f"page {key} is {mm(value):.2f} mm, not {page[key]} mm")

    styles = {style.style_id: style for style in document.styles}
    for style_id, wanted in expectation["styles"].items():
        style = styles.get(style_id)
        if style is None:
            problems.append(f"no style {style_id}")
            continue
        fonts = style.element.rPr.rFonts if style.element.rPr is not None else None
        east_asian = fonts.get(qn("w:eastAsia")) if fonts is not None else None
        if wanted.get("font") is not None and east_asian != wanted["font"]:
            problems.append(f"style {style_id}: East Asian font {east_asian}, not {wanted['font']}")
        if wanted.get("ascii") is not None and style.font.name != wanted["ascii"]:
            problems.append(f"style {style_id}: font {style.font.name}, not {wanted['ascii']}")
        if wanted.get("size") is not None:
            size = style.font.size.pt if style.font.size is not None else None
            if size != wanted["size"]:
                problems.append(f"style {style_id}: size {size} pt, not {wanted['size']} pt")

    paragraphs = document.paragraphs
    before = expectation.get("before", [])
    for index, (style_id, text) in enumerate(before):
        if index >= len(paragraphs):
            problems.append(f"paragraph {index}: missing, want {style_id} {text!r}")
            continue
        got = (paragraphs[index].style.style_id, paragraphs[index].text)
        if got != (style_id, text):
            problems.append(f"paragraph {index}: {got}, not {(style_id, text)}")
    rest = paragraphs[len(before):]
    lines = [line for paragraph in rest for line in paragraph_lines(paragraph)]
    if lines != expectation["lines"]:
        for number, (got, want) in enumerate(zip(lines, expectation["lines"]), 1):
            if got != want:
                problems.append(f"line {number}: {got!r}\n    want {want!r}")
                break
        if len(lines) != len(expectation["lines"]):
            problems.append(f"{len(lines)} lines, want {len(expectation['lines'])}")
    for index, style_id in expectation.get("roles", []):
        got = rest[index].style.style_id if index < len(rest) else None
        if got != style_id:
            problems.append(f"paragraph {index} after the title: style {got}, not {style_id}")

    for number, paragraph in enumerate(paragraphs):
        for run in paragraph.runs:
            properties = run.element.rPr
            children = {child.tag for child in properties} if properties is not None else set()
            if children - ALLOWED_RUN_PROPERTIES:
                problems.append(f"paragraph {number}: a run has direct formatting {sorted(children - ALLOWED_RUN_PROPERTIES)}")
            if expectation["chinese"]:
                fonts = properties.rFonts if properties is not None else None
                if fonts is None or fonts.get(qn("w:hint")) != "eastAsia":
                    problems.append(f"paragraph {number}: a run without the East Asian hint: {run.text!r}")
            if properties is not None and properties.rStyle is not None:
                label = run.text
                if not (label.endswith("：") or label.endswith(":")):
                    problems.append(f"paragraph {number}: the label {label!r} does not end with its colon")
    return problems


def main():
    with open(sys.argv[1], encoding="utf-8") as file:
        expectations = json.load(file)
    failed = 0
    for expectation in expectations:
        problems = check(expectation)
        if problems:
            failed += 1
            print(f"{expectation['file']}:")
            for problem in problems[:20]:
                print(f"  {problem}")
    print(f"{len(expectations) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
