"""A parsed YAML document that remembers where each value was written, for file:line:col."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A position in a YAML value: mapping keys (str) and sequence indices (int) from the root.
YamlPath = tuple[str | int, ...]
Mark = tuple[int, int]  # 1-based (line, column)

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class Problem:
    """One error or warning about a knowledge file, printed as one line."""

    file: str
    line: int | None
    column: int | None
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {'warning: ' if self.warning else ''}{self.message}"


class KnowledgeError(Exception):
    """A knowledge file that cannot be used; each problem is one "file:line:col: ..." line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class YamlDocument:
    """Plain data (dicts, lists, str, int) plus the mark of every value and mapping key."""

    name: str
    data: object
    values: dict[YamlPath, Mark] = field(default_factory=dict)
    keys: dict[YamlPath, Mark] = field(default_factory=dict)

    def mark(self, path: YamlPath, *, key: bool = False) -> Mark:
        """Where the value (or its key) at path was written, else the nearest enclosing value."""
        if key and path in self.keys:
            return self.keys[path]
        # pydantic reports a missing key at its would-be path: point at the enclosing mapping.
        for end in range(len(path), -1, -1):
            if path[:end] in self.values:
                return self.values[path[:end]]
        return (1, 1)

    def label(self, path: YamlPath) -> str:
        """A readable path such as `entries[12] (id byd-brazil) questions[0]`."""
        text = ""
        node = self.data
        for part in path:
            if isinstance(part, int):
                text += f"[{part}]"
                node = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
                ident = node.get("id") if isinstance(node, dict) else None
                if isinstance(ident, str):
                    text += f" (id {ident})"
                continue
            after_id = text.endswith(")")
            if _IDENTIFIER.fullmatch(part):
                text += f" {part}" if after_id else f".{part}" if text else part
            else:
                text += f"[{part!r}]"
            node = node.get(part) if isinstance(node, dict) else None
        return text or "top level"

    def problem(
        self, path: YamlPath, message: str, *, key: bool = False, warning: bool = False
    ) -> Problem:
        """A Problem located at path and labelled with it."""
        line, column = self.mark(path, key=key)
        return Problem(self.name, line, column, f"{self.label(path)}: {message}", warning)
