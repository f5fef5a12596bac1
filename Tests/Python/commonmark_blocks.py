"""Reads Markdown on standard input with markdown-it-py, a CommonMark parser (with GitHub's tables and
strikethrough, as wikis read them), and prints what it read as JSON, for the round-trip tests of the Markdown
export (Tests/MinutesKitTests/MinutesExport/CommonMarkRoundTripTests.swift):

    {"blocks": [{"type": "heading", "level": 1, "text": "..."},
                {"type": "paragraph", "text": "..."},
                {"type": "list", "ordered": false, "items": ["...", ...]},
                {"type": "table", "rows": [["cell", ...], ...]},
                {"type": "blockquote", "blocks": [...]},
                {"type": "hr" | "code_block" | "fence" | "html_block", "text": "..."}],
     "marks": {"strong": 0, "em": 0, "link": 0, "image": 0, "code": 0, "html": 0, "s": 0}}

A block's text is its inline content as a reader sees it: escapes and entities resolved, markup left out, line
breaks as newlines. `marks` counts the inline markup found (emphasis, links, raw HTML...).
"""
import json
import sys

from markdown_it import MarkdownIt


def inline_text(token, marks):
    out = []
    for child in token.children or []:
        kind = child.type
        if kind in ("text", "text_special"):
            out.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            out.append("\n")
        elif kind == "code_inline":
            marks["code"] += 1
            out.append(child.content)
        elif kind == "html_inline":
            marks["html"] += 1
            out.append(child.content)
        elif kind == "image":
            marks["image"] += 1
            out.append(child.content)
        elif kind.endswith("_open"):
            name = kind[: -len("_open")]
            marks[name] = marks.get(name, 0) + 1
    return "".join(out)


def read(markdown):
    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    marks = {"strong": 0, "em": 0, "link": 0, "image": 0, "code": 0, "html": 0, "s": 0}
    blocks = []
    stack = []  # (kind, object): the containers open at this point
    pending = None

    def add(block):
        for kind, container in reversed(stack):
            if kind in ("item", "quote"):
                container["blocks"].append(block)
                return
        blocks.append(block)

    for token in parser.parse(markdown):
        kind = token.type
        if kind == "heading_open":
            pending = {"type": "heading", "level": int(token.tag[1:])}
        elif kind == "paragraph_open":
            pending = {"type": "paragraph"}
        elif kind == "inline":
            text = inline_text(token, marks)
            if stack and stack[-1][0] == "cell":
                stack[-1][1]["text"] = text
            else:
                pending["text"] = text
                add(pending)
        elif kind in ("bullet_list_open", "ordered_list_open"):
            listing = {"type": "list", "ordered": kind == "ordered_list_open", "items": []}
            if listing["ordered"]:
                listing["start"] = int(token.attrGet("start") or 1)
            add(listing)
            stack.append(("list", listing))
        elif kind == "list_item_open":
            item = {"blocks": []}
            stack[-1][1]["items"].append(item)
            stack.append(("item", item))
        elif kind == "blockquote_open":
            quote = {"type": "blockquote", "blocks": []}
            add(quote)
            stack.append(("quote", quote))
        elif kind == "table_open":
            table = {"type": "table", "rows": []}
            add(table)
            stack.append(("table", table))
        elif kind in ("thead_open", "tbody_open"):
            stack.append(("section", None))
        elif kind == "tr_open":
            row = []
            next(c for k, c in reversed(stack) if k == "table")["rows"].append(row)
            stack.append(("row", row))
        elif kind in ("th_open", "td_open"):
            cell = {"text": ""}
            stack[-1][1].append(cell)
            stack.append(("cell", cell))
        elif kind.endswith("_close") and kind not in ("heading_close", "paragraph_close"):
            stack.pop()
        elif kind in ("hr", "code_block", "fence", "html_block"):
            add({"type": kind, "text": token.content})

    def simplified(block):
        if block["type"] == "list":
            items = []
            for item in block["items"]:
                if all(b["type"] == "paragraph" for b in item["blocks"]):
                    items.append("\n".join(b["text"] for b in item["blocks"]))
                else:
                    items.append([simplified(b) for b in item["blocks"]])
            return {**block, "items": items}
        if block["type"] == "table":
            return {"type": "table", "rows": [[cell["text"] for cell in row] for row in block["rows"]]}
        if block["type"] == "blockquote":
            return {"type": "blockquote", "blocks": [simplified(b) for b in block["blocks"]]}
        return block

    return {"blocks": [simplified(b) for b in blocks], "marks": marks}


if __name__ == "__main__":
    json.dump(read(sys.stdin.read()), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
