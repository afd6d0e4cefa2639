from newslint.findings import Fix, Hit
from newslint.rule import Example, rule
from newslint.ruletools import source_span
from newslint.text import comparable, comparable_twins


def _may_repeat(article):
    """Whether two pieces of the article's text between sentence ends are alike
    (ignoring case and runs of spaces): a quick look, at C speed, in front of
    the exact check, which splits sentences properly."""
    text = (article.block_text + "\n\n").lower().replace("\n\n", "\x00").replace("\n", " ")
    while "  " in text:
        text = text.replace("  ", " ")
    text = text.replace("?", ".").replace("!", ".").replace(".\x00", ". ").replace("\x00", ". ")
    pieces = text.split(". ")
    return len(set(pieces)) < len(pieces)


@rule(
    code="NL105",
    name="duplicate-sentence",
    category="structure",
    severity="warning",
    message="Sentence repeated",
    what="A sentence that repeats an earlier one of the article (ignoring case, spacing "
    "and quote style): within its paragraph when it has at least `min_words` words (5 "
    "by default), anywhere in the article when it has at least `min_words_apart` (10). "
    "A sentence pasted more than twice is reported at its second copy only. Paragraphs "
    "repeated as a whole are the `duplicate-paragraph` rule's.",
    why="A sentence pasted twice by an edit reads as a glitch, and it often hides a "
    "sentence that should have been there instead.",
    fix="Removes the later copy (unsafe: applied only with --unsafe-fixes; the text "
    "around it may need the edit that was meant).",
    options={"min_words": 5, "min_words_apart": 10},
    notes="On ../shared/corpus/ (1,438 BBC articles) it reports nothing: no sentence of "
    "five words or more is repeated within a paragraph, and the one sentence of ten "
    "words or more seen twice is none. The distance rule is why: two readers' letters "
    'both opening "I agree wholeheartedly with Mr Forsyth." (six words) are not flagged.',
    bad=[
        Example(
            "Rates rise\n\nThe decision was expected by markets. The decision was "
            "expected by markets.\n",
            at=(3, 39),
            fixed="Rates rise\n\nThe decision was expected by markets.\n",
        ),
        Example(
            "Rates rise\n\nThe bank raised rates to 5% on Thursday to curb rising prices "
            "again. Shares fell.\n\nMortgage costs will rise. The bank raised rates to 5% "
            "on Thursday to curb rising prices again.\n",
            at=(5, 27),
        ),
    ],
    good=[
        "Letters\n\nI agree with Mr Forsyth. Liberty matters.\n\n"
        "I agree with Mr Forsyth. The law is wrong.\n",
        "Results\n\nHe scored. She scored. They won. He scored.\n",
        "Rates rise\n\nThe decision was expected by markets.\n\n"
        "The decision was expected by markets.\n",
    ],
)
def check(article, options):
    near = int(options.get("min_words", 5))
    apart = int(options.get("min_words_apart", 10))
    if not _may_repeat(article):
        return
    from newslint.sentences import sentences

    twins = article.shared(comparable_twins)
    whole: set[str] = set()  # paragraphs seen, as duplicate-paragraph compares them
    seen: dict[str, tuple[object, int]] = {}
    reported: set[str] = set()  # a sentence pasted many times is reported once
    for block in article.body:
        key = twins.get(block)
        if key is not None:
            if key in whole:
                continue  # a repeated paragraph: duplicate-paragraph reports it
            whole.add(key)
        text = block.text
        here: dict[str, int] = {}  # this paragraph's sentences: form -> offset
        for sentence in sentences(text):
            if sentence.words < min(near, apart):
                continue
            form = comparable(text[sentence.start : sentence.end])
            if form in here:
                first = (block, here[form]) if sentence.words >= near else None
            else:
                here[form] = sentence.start
                first = seen.get(form) if sentence.words >= apart else None
                seen.setdefault(form, (block, sentence.start))
            if first is None or form in reported:
                continue
            reported.add(form)
            first_block, first_start = first
            at = article.source.position(first_block.to_source(first_start))
            span = source_span(article, block, sentence.start, sentence.end)
            start, end = (
                (block.to_source(sentence.start), block.to_source(sentence.end - 1) + 1)
                if span is None
                else span
            )
            yield Hit(
                start,
                end,
                message=f"Sentence repeats the one at {at.line}:{at.column}",
                fix=None if span is None else _removal(article, block, sentence),
            )


def _removal(article, block, sentence):
    """Delete the sentence and the space before it (after it, at the paragraph start)."""
    text = block.text
    before = sentence.start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    if before > 0 and text[before - 1] != "\n":
        cut = source_span(article, block, before, sentence.end)
    else:
        after = sentence.end
        while after < len(text) and text[after] in " \t":
            after += 1
        cut = source_span(article, block, sentence.start, after)
    if cut is None:
        return None
    return Fix.delete(*cut, description="Remove the repeated sentence", safe=False)
