"""A brand's name written apart in a payment's text in scripts other than Latin, Chinese,
Arabic and Hebrew ("Оплата через Али Пэй"), and the false hits of the languages' frequent
words (a benchmark, not a test).

    python bench/apart_text_brands.py [--texts 2000] [--examples N]

Found: `SPELLINGS`, the shipped apps' names written apart in a sentence of their script,
counted when the entity is a hit; written while `apart_windows` was built: tune. False hits:
texts of eight words drawn at random from wordfreq's 10,000 most frequent words of a
language in its own script, against the shipped registry (every hit false): `tune`, Russian
and Korean (looked at while choosing the windows' word length and count); `measure`,
Ukrainian, Bulgarian, Greek, Hindi, Bengali, Tamil and Japanese (measured only). Each text
is counted once, whatever it meets; run it on two trees to compare a rule's effect.

The matcher itself sets aside a text's words its language uses at least once in a million
(`text_frequent_word_zipf`, read from the same lists), so the texts of frequent words show
that rule at work, not how it generalises: the texts of rarer words (`RARER`: Zipf 2-3,
below the rule's floor, in the languages whose lists hold such words) show what is left.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable

from wordfreq import get_frequency_dict, top_n_list

from banscreen.match import Matcher
from banscreen.match.text import script_of
from banscreen.match.text_hit import TextHit
from banscreen.registry import load_registry

SPELLINGS = [
    ("Оплата через Али Пэй", "app-alipay"), ("Оплачено через Ви Чат Пэй, заказ 12", "app-wechat-pay"),
    ("Платёж Кам Сканер подписка", "app-camscanner"), ("알리 페이 결제", "app-alipay"),
    ("위 챗 페이 결제", "app-wechat-pay"), ("Πληρωμή μέσω Αλί Πέι", "app-alipay"),
    ("ウィー チャット ペイ で支払い", "app-wechat-pay"), ("გადახდა ალი პეი", "app-alipay"),
    ("Վճարում Ալի Փեյ", "app-alipay"), ("ชำระ ผ่าน อาลี เพย์", "app-alipay"),
    ("Оплата через Тен Сент", "tencent-holdings"), ("Плащане чрез Уи Чат", "app-wechat"),
    ("Оплата через Ві Чат Пей", "app-wechat-pay"), ("Πληρωμή μέσω Γουί Τσατ Πέι", "app-wechat-pay"),
    ("अली पे से भुगतान", "app-alipay"), ("カム スキャナー 購入", "app-camscanner"),
]  # fmt: skip
LANGUAGES = (
    ("tune", "ru"), ("tune", "ko"), ("measure", "uk"), ("measure", "bg"), ("measure", "el"),
    ("measure", "hi"), ("measure", "bn"), ("measure", "ta"), ("measure", "ja"),
)  # fmt: skip
RARER = (("measure", "ru"), ("measure", "uk"), ("measure", "bn"), ("measure", "ja"))
RARER_SHARES = (1e-7, 1e-6)  # Zipf 2 to 3


def report_found(
    scan: Callable[[str], list[TextHit]], spellings: list[tuple[str, str]], what: str,
    examples: int,
) -> None:  # fmt: skip
    """Prints how many (text, entity) spellings have their entity found (tune), and misses."""
    missed = [(t, e) for t, e in spellings if e not in {h.entry.entity_id for h in scan(t)}]
    print(f"tune: {what} found {len(spellings) - len(missed)} of {len(spellings)}")
    for text, entity in missed[:examples]:
        print(f"    missed {text} ({entity})")


def report_false(
    scan: Callable[[str], list[TextHit]], texts: list[str], label: str, examples: int
) -> None:
    """Prints how many texts have any hit (every one false), and some of them."""
    hits = [(t, [h.entry.name.value for h in found]) for t in texts if (found := scan(t))]
    print(f"  {label}  {len(hits):4} of {len(texts):,} texts")
    for text, names in hits[:examples]:
        print(f"      {text} ~ {', '.join(names)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument("--examples", type=int, default=0)
    args = parser.parse_args()
    scan = Matcher(load_registry()).free_text.scan
    report_found(scan, SPELLINGS, "apps' names written apart in text", args.examples)
    print(f"false hits: texts of 8 frequent words, {args.texts:,} per language")
    for split, lang in LANGUAGES:
        words = [w for w in top_n_list(lang, 20000)
                 if not w.isascii() and script_of(w) not in ("Latin", "Han")][:10000]  # fmt: skip
        report_false(scan, texts_of(words, lang, args.texts), f"{split:8} {lang}", args.examples)
    print(f"false hits: texts of 8 rarer words (Zipf 2-3), {args.texts:,} per language")
    low, high = RARER_SHARES
    for split, lang in RARER:
        shares = get_frequency_dict(lang, wordlist="best")
        words = sorted(w for w, f in shares.items()
                       if low <= f < high and not w.isascii() and script_of(w) not in ("Latin", "Han"))  # fmt: skip
        texts = texts_of(words, f"rarer-{lang}", args.texts)
        report_false(scan, texts, f"{split:8} {lang}", args.examples)


def texts_of(words: list[str], seed: str, count: int) -> list[str]:
    """`count` texts of 8 words drawn from `words`, the same for the same seed."""
    rng = random.Random(f"apart-{seed}")
    return [" ".join(rng.choice(words) for _ in range(8)) for _ in range(count)]


if __name__ == "__main__":
    main()
