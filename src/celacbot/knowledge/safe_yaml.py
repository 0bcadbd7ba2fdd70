"""Reading faq.yaml as a strict, safe subset of YAML that keeps the line of every value.

The document is built straight from parser events, never by a YAML constructor, so
  * no tag can run code or build objects, and every explicit tag is refused;
  * anchors and aliases are refused at the first one, before anything is built (no alias bombs);
  * a duplicate key is an error, not a silently kept last value;
  * plain scalars stay the text the maintainer wrote: `no`, `on`, `1.10` and `2024-11-13` are
    strings, not a bool, a float and a date. Only canonical integers such as `1` become ints,
    which turn back into exactly the same text where the models expect a string.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import yaml

from celacbot.knowledge.document import KnowledgeError, Mark, Problem, YamlDocument, YamlPath
from celacbot.knowledge.files import NotARegularFileError, read_regular_file

try:  # the C parser is several times faster and parses the same language
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 50

# Characters YAML does not allow in a stream (the parser's own message gives no line).
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CANONICAL_INT = re.compile(r"0|[1-9][0-9]*")


def read_yaml(path: Path, name: str) -> YamlDocument:
    """Parse the file at path into a YamlDocument, or raise KnowledgeError with one problem.

    name is how messages refer to the file.
    """
    raw = _read_bytes(path, name)
    text = _decode(raw, name)
    _check_characters(text, name)
    return _Builder(name).build(text)


def _fail(problem: Problem) -> NoReturn:
    raise KnowledgeError([str(problem)])


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        # One byte past the cap: a huge file is refused without reading it all.
        raw = read_regular_file(path, MAX_FILE_BYTES + 1)
    except NotARegularFileError as exc:
        suffix = "a YAML file" if exc.kind == "a directory" else "a regular file"
        _fail(Problem(name, None, None, f"is {exc.kind}, not {suffix}"))
    except FileNotFoundError:
        _fail(Problem(name, None, None, "no such file"))
    except PermissionError:
        _fail(Problem(name, None, None, "permission denied"))
    except OSError as exc:
        _fail(Problem(name, None, None, f"cannot read the file: {exc.strerror or exc}"))
    if len(raw) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 2**20
        _fail(
            Problem(name, 1, 1, f"the file is larger than the {limit} MB a knowledge file may be")
        )
    return raw


def _decode(raw: bytes, name: str) -> str:
    # Windows editors start UTF-8 files with a byte order mark; it is not content.
    body = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = body.rfind(b"\n", 0, exc.start) + 1
        line = body.count(b"\n", 0, exc.start) + 1
        column = len(body[line_start : exc.start].decode("utf-8")) + 1
        offset = exc.start + len(raw) - len(body)
        message = (
            f"not valid UTF-8: byte 0x{body[exc.start]:02x} at byte offset {offset}; "
            "save the file as UTF-8"
        )
        _fail(Problem(name, line, column, message))


def _check_characters(text: str, name: str) -> None:
    bad = _NOT_PRINTABLE.search(text)
    if bad:
        line, column = _position(text, bad.start())
        code = f"U+{ord(bad.group()):04X}"
        _fail(Problem(name, line, column, f"the control character {code} is not allowed in YAML"))
    for number, line_text in enumerate(text.split("\n"), start=1):
        indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
        if "\t" in indent and line_text.strip():
            column = indent.index("\t") + 1
            _fail(
                Problem(name, number, column, "a tab is used for indentation; indent with spaces")
            )


def _position(text: str, index: int) -> Mark:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


@dataclass(slots=True)
class _Open:
    """A mapping or sequence whose end event has not come yet."""

    container: dict[str, object] | list[object]
    path: YamlPath
    awaiting_key: bool = True  # for a mapping: the next node is a key, not a value
    key: str = ""


_ANCHOR_MESSAGE = "anchors and aliases (& and *) are not allowed; write the text out"


class _Builder:
    """Builds plain data from parser events, refusing what faq.yaml must not contain."""

    def __init__(self, name: str) -> None:
        self.document = YamlDocument(name, None)
        self.stack: list[_Open] = []

    def build(self, text: str) -> YamlDocument:
        """The document that text holds; KnowledgeError at the first problem."""
        loader = _Loader(text)
        try:
            self._consume(loader)
        except yaml.MarkedYAMLError as exc:
            _fail(self._syntax_problem(exc))
        except yaml.YAMLError as exc:
            _fail(Problem(self.document.name, None, None, f"invalid YAML: {_one_line(str(exc))}"))
        finally:
            loader.dispose()
        if self.document.data in (None, ""):
            _fail(self._problem((1, 1), "the file is empty; it must hold the knowledge mapping"))
        return self.document

    def _consume(self, loader: _Loader) -> None:
        # Exact type tests, not isinstance: this loop runs for every event on each (re)load.
        documents = 0
        while (event := loader.get_event()) is not None:
            if type(event) is yaml.ScalarEvent:
                self._scalar(event)
            elif type(event) is yaml.MappingStartEvent or type(event) is yaml.SequenceStartEvent:
                self._collection(event)
            elif type(event) is yaml.MappingEndEvent or type(event) is yaml.SequenceEndEvent:
                self.stack.pop()
            elif type(event) is yaml.AliasEvent:
                _fail(self._problem(_mark(event), _ANCHOR_MESSAGE))
            elif type(event) is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    message = "a second YAML document starts here; the file must hold only one"
                    _fail(self._problem(_mark(event), message))

    def _refuse_anchor_and_tag(self, event: yaml.ScalarEvent | yaml.CollectionStartEvent) -> None:
        if event.anchor is not None:
            _fail(self._problem(_mark(event), _ANCHOR_MESSAGE))
        if event.tag:
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            message = f"the tag {tag} is not allowed; quote text that starts with '!'"
            _fail(self._problem(_mark(event), message))

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        self._refuse_anchor_and_tag(event)
        mark = _mark(event)
        text = event.value
        top = self.stack[-1] if self.stack else None
        if top is not None and top.awaiting_key and type(top.container) is dict:
            path = (*top.path, text)
            keys = self.document.keys
            if path in keys:
                message = f"duplicate key {text!r} (first written on line {keys[path][0]})"
                _fail(self._problem(mark, message))
            keys[path] = mark
            top.key = text
            top.awaiting_key = False
        elif event.implicit[0] and _CANONICAL_INT.fullmatch(text):
            self._place(int(text), mark)
        else:
            self._place(text, mark)

    def _collection(self, event: yaml.CollectionStartEvent) -> None:
        self._refuse_anchor_and_tag(event)
        mark = _mark(event)
        top = self.stack[-1] if self.stack else None
        if top is not None and top.awaiting_key and type(top.container) is dict:
            _fail(self._problem(mark, "a key must be text, not a list or a mapping"))
        if len(self.stack) >= MAX_DEPTH:
            _fail(self._problem(mark, f"nested deeper than {MAX_DEPTH} levels"))
        container: dict[str, object] | list[object] = (
            {} if type(event) is yaml.MappingStartEvent else []
        )
        self.stack.append(_Open(container, self._place(container, mark)))

    def _place(self, value: object, mark: Mark) -> YamlPath:
        """Attach value to the innermost open collection (or make it the root); its path."""
        if not self.stack:
            self.document.data = value
            path: YamlPath = ()
        else:
            top = self.stack[-1]
            container = top.container
            if type(container) is list:
                path = (*top.path, len(container))
                container.append(value)
            elif type(container) is dict:
                path = (*top.path, top.key)
                container[top.key] = value
                top.awaiting_key = True
        self.document.values[path] = mark
        return path

    def _problem(self, mark: Mark, message: str) -> Problem:
        return Problem(self.document.name, mark[0], mark[1], message)

    def _syntax_problem(self, exc: yaml.MarkedYAMLError) -> Problem:
        mark = exc.problem_mark or exc.context_mark
        message = f"invalid YAML: {_one_line(exc.problem or 'syntax error')}"
        if exc.context:
            message += f" ({_one_line(exc.context)}"
            if exc.context_mark is not None:
                message += f" that starts on line {exc.context_mark.line + 1}"
            message += ")"
        if exc.problem == "mapping values are not allowed in this context":
            message += "; put text containing ': ' in quotes"
        if mark is None:
            return Problem(self.document.name, None, None, message)
        return self._problem((mark.line + 1, mark.column + 1), message)


def _mark(event: yaml.Event) -> Mark:
    start = event.start_mark
    return (start.line + 1, start.column + 1) if start is not None else (1, 1)


def _one_line(text: str) -> str:
    return " ".join(text.split())
