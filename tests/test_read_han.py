"""read_han remembers pypinyin's reading of each word: it must read every text exactly as
pypinyin's `lazy_pinyin` does, whatever is cut into which words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import Style, lazy_pinyin

from banscreen.match.pinyin import read_han

# Characters pypinyin reads differently in different words (重庆 chong, 重要 zhong; 银行
# hang, 行走 xing), common name characters, and others that are no Han at all.
_HAN = "重庆要银行走长沙大夫乐音快深圳市华强伟业有限公司腾讯支付宝蚂蚁集团科技信息了解"
_TEXT = st.text(alphabet=st.sampled_from(_HAN + "ABc 12·（）-〇"), max_size=24)


@settings(max_examples=400)
@given(_TEXT)
def test_reads_as_lazy_pinyin(text: str) -> None:
    assert read_han(text) == lazy_pinyin(text, style=Style.NORMAL)


@given(st.text(max_size=16))
def test_any_text_reads_as_lazy_pinyin(text: str) -> None:
    assert read_han(text) == lazy_pinyin(text, style=Style.NORMAL)


def test_a_word_read_again_keeps_its_context() -> None:
    # The same character read in two words, the second time from the remembered word.
    assert read_han("重庆") == ["chong", "qing"]
    assert read_han("重要") == ["zhong", "yao"]
    assert read_han("重庆重要") == ["chong", "qing", "zhong", "yao"]
