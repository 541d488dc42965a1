"""Find the article in a page and drop every block outside it."""

from __future__ import annotations

import operator
from dataclasses import dataclass
from itertools import compress, repeat

from newsclean._lists import article_items
from newsclean._model import Document, Drop, Evidence
from newsclean._scorer import decide, default_model

LABEL = "boilerplate"
_REASON = "outside the article's main run of blocks"


@dataclass(frozen=True, slots=True)
class MainContentFilter:
    """Drop blocks outside the article's main run (label ``boilerplate``).

    Each kept block gets a probability of belonging to the article from a small learned
    model (its length, script, sentence punctuation, function words, menu separators,
    and the same evidence of its neighbours). The article is then taken to be the one
    run of blocks with the most article-like mass; short lines inside it (subheadings,
    captions, list items) stay, and a block outside it stays only when it is very
    clearly prose. The run is never empty, so a page never comes back empty; a page
    that is nothing but an article comes back unchanged.

    A huge page (more than :data:`~newsclean._scorer.HUGE` kept blocks, far more than
    any article page) is decided coarse-to-fine so that the cost stays linear: the
    article is located with the block evidence alone, the decision above runs on a
    window around it, and every block outside the window is dropped. A main run of
    more than :data:`~newsclean._scorer.RUN_CAP` blocks is cut to its heaviest stretch.

    Evidence: ``score`` (the block's probability, 0-1; outside the window of a huge
    page, the probability from the block's own evidence). Known false positive: a long
    comment or a long teaser summary right after the article can be kept with it.

    >>> from newsclean.testing import run_filter
    >>> page = ["Home | News | Sport | Weather",
    ...         "The storm arrived at dawn, and thousands of homes lost power.",
    ...         "Crews worked through the night to restore the lines, officials said.",
    ...         "About us | Contact | Privacy"]
    >>> run_filter(MainContentFilter(), page).labels()
    {0: 'boilerplate', 3: 'boilerplate'}

    Attributes:
        threshold: probability above which a block pulls the main run towards it;
            a negative value uses the trained default.
        inside: keep threshold inside the main run (negative: trained default).
        outside: keep threshold outside the main run (negative: trained default).
        relative: the run threshold is raised to this share of the page's best
            probability (negative: trained default).
        headline: 1 keeps a title-like line just above the main run (the headline),
            2 also keeps the dateline/byline lines between it and the body, 0 keeps
            neither (negative: trained default, 1).
        listed: added to the block logit of the items of long numbered runs that the
            page presents as its article (table rows, list points: see
            :func:`newsclean._lists.article_items`); 0 turns this off (negative: the
            shipped default, 4).
        kinds: the document kinds it judges. By default only raw text: for HTML the
            ``dom_content`` step finds the article's container with the DOM's
            evidence, and scoring the container's lines again as bare text removed
            more article than boilerplate on every labelled dev set.
    """

    threshold: float = -1.0
    inside: float = -1.0
    outside: float = -1.0
    relative: float = -1.0
    headline: float = -1.0
    listed: float = -1.0
    kinds: tuple[str, ...] = ("text",)

    def __call__(self, doc: Document, /) -> list[Drop]:
        """Return a drop for every kept block outside the article."""
        if doc.kind not in self.kinds:
            return []
        kept = [b.index for b in doc.kept()]
        if not kept:
            return []
        model = default_model()
        all_feats = doc.features
        params = dict(model.decision)
        for name in ("threshold", "inside", "outside", "relative", "headline", "listed"):
            value = getattr(self, name)
            if value >= 0:
                params[name] = value
        # Items of long numbered runs that the page presents as its article (table rows,
        # list points) count as article text.
        texts = [b.text for b in doc.blocks]
        listed = article_items([texts[i] for i in kept], texts)
        keep, probs = decide([all_feats[i] for i in kept], model, params, listed=listed)
        # Built with C-level maps rather than a loop: a huge page drops almost every one
        # of its blocks, and this is then the filter's main cost.
        gone = list(map(operator.not_, keep))
        dropped = list(compress(probs, gone))
        # Evidence is read-only by contract (the pipeline copies it before adding to it),
        # so drops with the same rounded score share one mapping: at most 1,001 of them
        # instead of one per dropped block. Each distinct probability is rounded once (the
        # blocks outside the window of a huge page have a few distinct probabilities).
        shared: dict[float, Evidence] = {}  # rounded score -> evidence
        evidence: dict[float, Evidence] = {}  # probability -> evidence
        for p in set(dropped):
            score = round(p, 3)
            if score not in shared:
                shared[score] = {"score": score}
            evidence[p] = shared[score]
        return list(
            map(
                Drop,
                compress(kept, gone),
                repeat(LABEL),
                repeat(_REASON),
                map(evidence.__getitem__, dropped),
            )
        )
