"""What a listing asks the Hub for: the query record and the query string of its first page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: The listing is paged in a stable order (creation time never changes while we page; the default trending
#: order does, and a model whose score moves between pages is skipped) with an explicit page size (the Hub
#: treats `limit` as the page size and echoes it into the next-page URL; its default pages of up to 1,000
#: items with files and card data are known to time out).
LISTING_SORT = "createdAt"
PAGE_SIZE = 100
#: Most items asked per page when the caller sets a limit (huggingface.js asks at most 500).
MAX_PAGE_LIMIT = 500
#: Fields asked of the listing so that one paginated call gives all we need per model.
#: `expand` is exclusive on the Hub: only these fields (plus `_id`, `id`) come back.
EXPAND = ("cardData", "siblings", "sha", "lastModified", "gated", "private", "disabled", "tags")
#: Enough to know a base model's declared terms and its own bases (no file list: it can be huge).
EXPAND_TERMS = ("cardData", "sha", "gated", "private", "tags")
#: A derivatives sweep also asks how many children each model has, so leaves cost no listing call.
EXPAND_TREE = EXPAND + ("childrenModelCount",)
MAX_PAGES = 20_000  # 2 million models: beyond that a listing is assumed to be endless
STALE_PAGES = 3  # pages in a row that bring no new model: the Hub is going round in circles


@dataclass(frozen=True)
class ListingQuery:
    """What to ask `/api/models` for: an author, a search text, tag filters, a sort field and a limit."""

    author: str | None = None
    search: str | None = None
    filters: tuple[str, ...] = ()
    sort: str | None = None  # a Hub field: downloads, likes, trendingScore, createdAt, lastModified
    limit: int | None = None  # at most this many models in all

    def describe(self) -> str:
        """A short human description ("author acme-ai, search 'llama', filter license:llama2")."""
        parts = [f"author {self.author}" if self.author else "", f"search {self.search!r}" if self.search else "",
                 *(f"filter {f}" for f in self.filters), f"sort {self.sort}" if self.sort else "",
                 f"limit {self.limit}" if self.limit else ""]
        return ", ".join(p for p in parts if p) or "all models"


def listing_params(query: ListingQuery, expand: Sequence[str]) -> list[tuple[str, str]]:
    """The query string of the first listing page (the next-page URLs carry it on).

    Always an explicit sort (the caller's, else the stable creation order) and an explicit page size
    (PAGE_SIZE, or the limit up to MAX_PAGE_LIMIT when a limit is smaller or asks for more per page).
    """
    params: list[tuple[str, str]] = []
    if query.author:
        params.append(("author", query.author))
    if query.search:
        params.append(("search", query.search))
    params += [("filter", tag) for tag in query.filters]
    params.append(("sort", query.sort or LISTING_SORT))
    page = min(query.limit, MAX_PAGE_LIMIT) if query.limit else PAGE_SIZE
    params.append(("limit", str(page)))
    return params + [("expand", name) for name in expand]
