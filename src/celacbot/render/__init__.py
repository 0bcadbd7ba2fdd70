"""Renderers that turn retriever results into terminal text or JSON (no Telegram here)."""
