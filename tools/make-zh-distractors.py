#!/usr/bin/env python3
"""Writes N Chinese "episodes" of other content than the bundled one, for measuring LLM context
recall with distractors (README, "LLM context recall").

Source: the Chinese man pages of Debian's `manpages-zh` package (`apt-get install manpages-zh`),
plain Chinese prose about Unix tools. Each page's roff is stripped to its text, split into short
transcript-like lines (one clause per line, at Chinese and Latin sentence punctuation, at most
MAX_CHARS characters), the end punctuation dropped as subtitles do, and written as a knowledge file
(`title:` front matter, a blank line, one line per line) like the files the bot reads.

The choice is deterministic: pages sorted by path, those with at least MIN_CJK Chinese characters
and not mostly the lines of an earlier page (gzip and gunzip are one page), the first N; each capped at MAX_LINES lines (the bundled episode has 227).

    python3 tools/make-zh-distractors.py OUT_DIR [N]
"""
import gzip
import pathlib
import re
import sys

MAN_DIR = pathlib.Path("/usr/share/man/zh_CN")
MIN_CJK = 1500
MAX_LINES = 250
MIN_CHARS = 6
MAX_CHARS = 36

CJK = re.compile(r"[\u4e00-\u9fff]")
# font changes, special characters, escaped minus and friends
ESCAPES = [
    (re.compile(r"\\f(\(..|\[[^\]]*\]|.)"), ""),
    (re.compile(r"\\s[+-]?\d"), ""),
    (re.compile(r"\\\(em|\\\(en"), "—"),
    (re.compile(r"\\\(..|\\\[[^\]]*\]"), ""),
    (re.compile(r"\\[-e]"), lambda m: "-" if m.group(0) == "\\-" else "\\"),
    (re.compile(r"\\[&|^%c:]"), ""),
    (re.compile(r"\\ "), " "),
    (re.compile(r"\\\*\(?.."), ""),
    (re.compile(r"\\."), ""),
]
TEXT_MACROS = {"B", "I", "BR", "RB", "IR", "RI", "BI", "IB", "SM", "SB", "SH", "SS", "IP", "TP", "Nm", "Nd"}
BREAK_MACROS = {"PP", "LP", "P", "TP", "IP", "SH", "SS", "br", "sp", "RS", "RE", "nf", "fi", "HP", "TH"}
SPLIT = re.compile(r"(?<=[。！？；：，、!?;])|(?<=[.,:] )")
END_PUNCT = "。，；：、,.;: "


def unescape(text):
    for pattern, repl in ESCAPES:
        text = pattern.sub(repl, text)
    return text


def paragraphs(roff):
    """The text of a roff page as paragraphs (each a list of text pieces)."""
    out, current = [], []
    for raw in roff.splitlines():
        if raw.startswith(('.\\"', "'\\\"", '\\"')):
            continue
        if raw.startswith((".", "'")):
            parts = raw[1:].strip().split(None, 1)
            if not parts:
                continue
            macro, args = parts[0], parts[1] if len(parts) > 1 else ""
            if macro in BREAK_MACROS and current:
                out.append(current)
                current = []
            if macro in TEXT_MACROS and args:
                current.append(unescape(args.replace('"', "")))
            continue
        text = unescape(raw).strip()
        if text:
            current.append(text)
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def join(pieces):
    """Roff lines of one paragraph as one text: no space between Chinese characters."""
    text = ""
    for piece in (p.strip() for p in pieces):
        if not piece:
            continue
        if text and not (CJK.match(text[-1]) and CJK.match(piece[0])):
            text += " "
        text += piece
    return re.sub(r"\s+", " ", text).strip()


def short_lines(paragraph):
    """A paragraph as transcript-like lines: clauses of MIN_CHARS..MAX_CHARS characters."""
    lines, pending = [], ""
    for clause in SPLIT.split(paragraph):
        pending = (pending + clause).strip()
        if len(pending) < MIN_CHARS:
            continue
        while len(pending) > MAX_CHARS:
            cut = pending.rfind(" ", 0, MAX_CHARS)
            cut = cut if cut > MIN_CHARS else MAX_CHARS
            lines.append(pending[:cut])
            pending = pending[cut:].strip()
        lines.append(pending)
        pending = ""
    if pending:
        lines.append(pending)
    return [l.rstrip(END_PUNCT).strip() for l in lines if l.rstrip(END_PUNCT).strip()]


def episode(path):
    roff = gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
    lines = []
    for paragraph in paragraphs(roff):
        lines.extend(short_lines(join(paragraph)))
    return lines


def same_page(lines, earlier):
    """Whether most lines are an earlier page's: one page under several names (gzip, gunzip)."""
    return len(earlier.intersection(lines)) > 0.5 * min(len(earlier), len(set(lines)))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = pathlib.Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    if not MAN_DIR.is_dir():
        sys.exit("no %s: apt-get install manpages-zh" % MAN_DIR)
    out.mkdir(parents=True, exist_ok=True)
    written, seen = 0, []
    for path in sorted(MAN_DIR.glob("man*/*.gz")):
        lines = episode(path)
        if sum(len(CJK.findall(l)) for l in lines) < MIN_CJK or any(same_page(lines, s) for s in seen):
            continue
        seen.append(set(lines))
        name = path.name[:-3]  # e.g. diff.1
        page, section = name.rsplit(".", 1)
        title = "%s(%s) 中文手册页" % (page, section)
        target = out / ("manpage-%s-%s.txt" % (re.sub(r"[^A-Za-z0-9_-]", "_", page), section))
        target.write_text("title: %s\n\n%s\n" % (title, "\n".join(lines[:MAX_LINES])), encoding="utf-8")
        written += 1
        if written == n:
            break
    print("wrote %d episodes to %s" % (written, out))


if __name__ == "__main__":
    main()
