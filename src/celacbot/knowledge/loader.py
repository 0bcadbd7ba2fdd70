"""Loading and checking faq.yaml: safe YAML, the models, then checks across the whole file."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from celacbot.knowledge.checks import find_errors, find_warnings
from celacbot.knowledge.document import KnowledgeError, Problem, YamlDocument, YamlPath
from celacbot.knowledge.files import NotARegularFileError, read_regular_file
from celacbot.knowledge.models import KnowledgeBase
from celacbot.knowledge.safe_yaml import read_yaml
from celacbot.knowledge.translations import translation_gaps

# An article is prose: far smaller than this, which only keeps a wrong path from filling memory.
MAX_ARTICLE_BYTES = 10 * 1024 * 1024

__all__ = [
    "Check",
    "KnowledgeError",
    "ValidationReport",
    "article_path",
    "check_knowledge_file",
    "load_knowledge_base",
]


@dataclass(frozen=True)
class ValidationReport:
    """What `celacbot validate` found in a knowledge file."""

    name: str
    kb: KnowledgeBase | None
    article: str | None = None
    article_name: str = ""
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the bot can use the file; warnings do not count."""
        return self.kb is not None and not self.errors


def load_knowledge_base(path: Path) -> KnowledgeBase:
    """Read, parse and validate a knowledge file, or raise KnowledgeError listing every error."""
    report = _check(path, with_warnings=False)
    if report.kb is None or report.errors:
        raise KnowledgeError(report.errors)
    return report.kb


# A check a caller adds to `check_knowledge_file`: (where in the file, what is wrong) for each
# warning about a valid knowledge base. The retriever's own checks come in this way, so that
# this package never imports it.
Check = Callable[[KnowledgeBase], Iterable[tuple[YamlPath, str]]]


def check_knowledge_file(
    path: Path, *, strict: bool = False, checks: Sequence[Check] = ()
) -> ValidationReport:
    """Every error and warning about a knowledge file, and the knowledge base if it is valid.

    strict makes a missing translation an error instead of a warning; `checks` add warnings
    about a knowledge base that has no errors.
    """
    return _check(path, with_warnings=True, strict=strict, checks=checks)


def article_path(kb_path: Path, kb: KnowledgeBase) -> Path:
    """The article a knowledge file quotes; source.file is relative to the knowledge file."""
    return kb_path.parent / kb.source.file


def _check(
    path: Path, *, with_warnings: bool, strict: bool = False, checks: Sequence[Check] = ()
) -> ValidationReport:
    name = _display_name(path)
    try:
        document = read_yaml(path, name)
    except KnowledgeError as exc:
        return ValidationReport(name, None, errors=exc.problems)
    try:
        kb = KnowledgeBase.model_validate(document.data)
    except ValidationError as exc:
        return ValidationReport(name, None, errors=_sorted(_validation_problems(document, exc)))
    article_file = article_path(path, kb)
    article, errors = _read_article(article_file, document)
    errors += find_errors(kb, document, article)
    warnings = find_warnings(kb, document) if with_warnings else []
    if with_warnings:
        gaps = translation_gaps(kb, document, warning=not strict)
        (errors if strict else warnings).extend(gaps)
    if not errors:
        warnings += [
            document.problem(where, message, key=True, warning=True)
            for check in checks
            for where, message in check(kb)
        ]
    return ValidationReport(
        name,
        None if errors else kb,
        article,
        _display_name(article_file),
        _sorted(errors),
        _sorted(warnings),
    )


def _display_name(path: Path) -> str:
    """The path as messages show it: relative to the working directory when inside it."""
    try:
        return str(path.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _read_article(path: Path, document: YamlDocument) -> tuple[str | None, list[Problem]]:
    try:
        raw = read_regular_file(path, MAX_ARTICLE_BYTES + 1)
        if len(raw) > MAX_ARTICLE_BYTES:
            reason = f"it is larger than the {MAX_ARTICLE_BYTES // 2**20} MB an article may be"
        else:
            return raw.decode("utf-8-sig"), []
    except NotARegularFileError as exc:
        reason = f"it is {exc.kind}, not a regular file"
    except OSError as exc:
        reason = exc.strerror or str(exc)
    except UnicodeDecodeError:
        reason = "not valid UTF-8"
    message = f"cannot read the article {path}: {reason}"
    return None, [document.problem(("source", "file"), message)]


def _validation_problems(document: YamlDocument, exc: ValidationError) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        path = error["loc"]
        if path and path[-1] == "[key]":
            problem = document.problem(path[:-1], f"key: {error['msg']}", key=True)
        elif error["type"] == "extra_forbidden":
            problem = document.problem(path, "unknown key; check its spelling", key=True)
        elif error["type"] == "missing":
            problem = document.problem(path, "this required key is missing")
        else:
            problem = document.problem(path, error["msg"])
        problems.append(problem)
    return problems


def _sorted(problems: list[Problem]) -> list[str]:
    return [str(p) for p in sorted(problems, key=lambda p: (p.line or 0, p.column or 0))]
