"""zipf reads words of letters from a table kept in the cache directory: it must give what
wordfreq gives for every word, in the list or not, in any case."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from wordfreq import top_n_list, zipf_frequency

from banscreen.match.common_words import zipf

_LISTED = top_n_list("en", 5000, wordlist="small")


def _expected(word: str) -> float:
    return float(zipf_frequency(word, "en", wordlist="small"))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_LISTED), st.sampled_from(["lower", "upper", "title"]))
def test_listed_words_as_wordfreq(word: str, case: str) -> None:
    written = getattr(word, case)()
    assert zipf(written) == _expected(written)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x24F), max_size=12))
def test_any_word_as_wordfreq(word: str) -> None:
    assert zipf(word) == _expected(word)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=3))
def test_numbers_as_wordfreq(number: int, zeros: int) -> None:
    written = "0" * zeros + str(number)
    assert zipf(written) == _expected(written)


def test_letters_not_in_the_list_are_rare() -> None:
    assert zipf("qzxvbnmw") == 0.0
    assert zipf("Trading") == _expected("trading") > 3
