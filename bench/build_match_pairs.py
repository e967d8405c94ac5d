"""Build the labelled name-matching set bench/data/match_pairs.csv (query, entity, label).

    python bench/build_match_pairs.py

Positives are the registry's own names as they reach a screening system: upper-cased with
payment-message abbreviations, misspelt (a transposition or a dropped letter), with another
legal form, in traditional characters, without the city prefix, spaced out, and romanised in
pinyin the way payment systems write Chinese names. Negatives are hard by construction:
the false-positive traps of the reference, look-alike brands, and the registry's own names
with the distinctive brand replaced by another company's (same city, same generic words,
same legal form), in English, Chinese and pinyin. Labels follow from the construction:
a different brand is a different company.
"""

from __future__ import annotations

import csv
import random
import re
from pathlib import Path

import opencc
from pypinyin import Style, lazy_pinyin

from banscreen.registry import load_registry

OUT = Path(__file__).resolve().parent / "data" / "match_pairs.csv"
S2T = opencc.OpenCC("s2t")

ABBREVIATE = {
    "holdings": "HLDGS", "international": "INTL", "technology": "TECH", "information": "INFO",
    "systems": "SYS", "group": "GRP", "computer": "COMP", "services": "SVCS",
    "entertainment": "ENT", "company": "CO", "limited": "LTD", "corporation": "CORP",
}  # fmt: skip
LEGAL_SUFFIXES = ["Co., Ltd.", "Limited", "Inc.", "Pte. Ltd.", "LLC", "Corp.", "Ltd"]
LATIN_LEGAL = re.compile(
    r"[,\s]+(co\.?,?\s*ltd\.?|company limited|private limited|limited|ltd\.?|inc\.?|pte\.?\s*ltd\.?|oy|s\.a\.|llc|corp\.?|corporation)$",
    re.IGNORECASE,
)
HAN_LEGAL = ("股份有限公司", "有限责任公司", "有限公司")
HAN_PLACES = ("深圳市", "北京", "珠海", "上海", "广州市", "浙江", "杭州")
PINYIN_LEGAL = {
    "有限公司": "Youxian Gongsi",
    "股份有限公司": "Gufen Youxian Gongsi",
    "有限责任公司": "Youxian Zeren Gongsi",
}

# The distinctive part of each Han registry name: what a same-city negative replaces.
HAN_BRANDS = {
    "蚂蚁科技集团股份有限公司": "蚂蚁", "蚂蚁集团": "蚂蚁", "浙江蚂蚁小微金融服务集团股份有限公司": "蚂蚁小微",
    "支付宝（杭州）信息技术有限公司": "支付宝", "阿里巴巴集团控股有限公司": "阿里巴巴", "阿里巴巴": "阿里巴巴",
    "优视科技": "优视", "广州市动景计算机科技有限公司": "动景", "全球速卖通": "速卖通",
    "腾讯控股有限公司": "腾讯", "腾讯": "腾讯", "财付通支付科技有限公司": "财付通", "财付通": "财付通",
    "深圳市腾讯计算机系统有限公司": "腾讯", "腾讯音乐娱乐集团": "腾讯", "腾讯云计算（北京）有限责任公司": "腾讯",
    "腾讯云": "腾讯", "上海合合信息科技股份有限公司": "合合", "合合信息": "合合",
    "北京金山办公软件股份有限公司": "金山", "珠海金山办公软件有限公司": "金山", "金山办公": "金山",
    "金山软件有限公司": "金山", "北京字节跳动科技有限公司": "字节跳动", "字节跳动": "字节跳动",
    "联想集团有限公司": "联想", "支付宝": "支付宝", "扫描全能王": "扫描全能", "QQ钱包": "QQ",
    "茄子快传": "茄子", "微信支付": "微信", "腾讯QQ": "腾讯", "微信": "微信",
}  # fmt: skip
OTHER_HAN_BRANDS = ["华为", "百度", "小米", "网易", "美团", "吉利", "格力", "海尔", "美的", "万科",
                    "京东", "大疆", "顺丰", "携程", "比亚迪", "海康", "中兴", "恒瑞", "汇川", "宁德"]  # fmt: skip
OTHER_BRANDS = ["Geely", "Huawei", "Baidu", "Xiaomi", "NetEase", "Meituan", "Gree", "Haier",
                "Midea", "Vanke", "Hikvision", "Sungrow", "Anta", "Fosun", "Wanda", "Zoomlion",
                "Sinopec", "Trina", "Longi", "Luxshare", "Acme", "Globex", "Initech", "Umbrella"]  # fmt: skip

TRAPS = [
    ("VMware, Inc.", "app-vmate", "reference: VMware is not VMate"),
    ("VMware", "app-vmate", "reference: VMware is not VMate"),
    ("VMware Workstation", "app-vmate", "reference: VMware is not VMate"),
    ("VidMate", "app-vmate", "reference: VidMate is a different app"),
    ("VidMate Video Downloader", "app-vmate", "reference: VidMate is a different app"),
    ("WPS Health Solutions", "app-wps-office", "reference: U.S. health insurer"),
    ("WPS Health Insurance", "app-wps-office", "reference: U.S. health insurer"),
    ("Wisconsin Public Service Corporation", "app-wps-office", "reference: WPS utility"),
    ("WPS", "app-wps-office", "reference: WPS alone is not WPS Office"),
    ("ShareFile", "app-shareit", "reference: not SHAREit"),
    ("Citrix ShareFile", "app-shareit", "reference: not SHAREit"),
    ("SharePoint", "app-shareit", "reference: not SHAREit"),
    ("Microsoft SharePoint Online", "app-shareit", "reference: not SHAREit"),
    ("Shareaholic", "app-shareit", "reference: not SHAREit"),
    ("Shareaholic Inc", "smart-media4u", "reference: not SHAREit"),
    ("Canon CaptureOnTouch", "app-camscanner", "reference: scanner software, not CamScanner"),
    ("Canon U.S.A., Inc.", "app-camscanner", "reference: scanner maker, not CamScanner"),
    ("Lenovo Group Limited", "smart-media4u", "reference: Lenovo is not SHAREit's parent"),
    ("Lenovo", "app-shareit", "reference: Lenovo is not SHAREit"),
    ("Ant Insurance Brokers LLC", "ant-group", "generic word 'ant'"),
    ("Alibaba Pictures Fan Club", "app-alipay", "Alibaba is not Alipay"),
    ("Epic Systems Corporation", "epic-games", "different Epic"),
    ("Riot Blockchain, Inc.", "riot-games", "different Riot"),
    ("Snapple Beverage Corp", "snap-inc", "look-alike"),
    ("Kingston Technology Company", "kingsoft-corp", "look-alike"),
    ("Kingstone Office Supplies", "kingsoft-office", "look-alike"),
    ("Tenpoint Payment Systems", "tenpay", "look-alike"),
    ("WePay Inc.", "app-wechat-pay", "look-alike (a U.S. payments company)"),
    ("Samsung Pay", "app-wechat-pay", "another wallet"),
    ("Google Pay", "app-wechat-pay", "another wallet"),
    ("Apple Pay", "app-alipay", "another wallet"),
    ("PayPal Holdings, Inc.", "app-alipay", "another payments company"),
    ("Intsight Inc", "intsig", "look-alike"),
    ("Super Cell Batteries Ltd", "supercell", "generic words"),
    ("Halti Outdoor Oy", "halti", "a Finnish clothing brand, not the Tencent holding vehicle"),
    ("Bytedance Studios Fan Page", "ant-group", "unrelated"),
    ("Global Music Entertainment Group", "tencent-music", "generic words"),
    ("Cloud Computing Beijing Co., Ltd.", "tencent-cloud", "generic words"),
    ("Office Software Inc.", "kingsoft-office", "generic words"),
    ("Smart Media Solutions Pte. Ltd.", "smart-media4u", "generic words"),
    ("Payment Technology Co., Ltd.", "tenpay", "generic words"),
    ("Information Technology Co., Ltd.", "alipay-hangzhou", "generic words"),
    ("Computer Systems Co., Ltd.", "tencent-computer-systems", "generic words"),
    ("International Pte. Ltd.", "wechat-international", "generic words"),
    ("Holdings Limited", "tencent-holdings", "generic words"),
    ("Games, Inc.", "riot-games", "generic words"),
    ("扫描仪", "app-camscanner", "the word 'scanner'"),
    ("钱包", "app-qq-wallet", "the word 'wallet'"),
    ("支付科技有限公司", "tenpay", "generic words"),
    ("信息技术有限公司", "alipay-hangzhou", "generic words"),
    ("计算机系统有限公司", "tencent-computer-systems", "generic words"),
    ("办公软件有限公司", "kingsoft-office", "generic words"),
    ("控股有限公司", "tencent-holdings", "generic words"),
    ("音乐娱乐集团", "tencent-music", "generic words"),
]


def has_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def strip_latin_legal(name: str) -> str:
    return LATIN_LEGAL.sub("", name).strip(" ,")


def abbreviate(name: str) -> str:
    words = re.split(r"[\s,.()]+", name)
    return " ".join(ABBREVIATE.get(w.lower(), w.upper()) for w in words if w)


def transpose(name: str, rng: random.Random) -> str | None:
    words = name.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) < 6 or not word.isalpha():
        return None
    i = rng.randrange(1, len(word) - 2)
    words[longest] = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return " ".join(words)


def drop_letter(name: str, rng: random.Random) -> str | None:
    words = name.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) < 8 or not word.isalpha():
        return None
    i = rng.randrange(2, len(word) - 1)
    words[longest] = word[:i] + word[i + 1 :]
    return " ".join(words)


def han_legal_split(name: str) -> tuple[str, str]:
    for form in HAN_LEGAL:
        if name.endswith(form) and len(name) > len(form):
            return name[: -len(form)], form
    return name, ""


def pinyin_words(han: str) -> str:
    """Romanise as payment systems do: syllables of two-character words joined."""
    words = []
    run = ""
    for ch in han:
        if has_han(ch):
            run += ch
        else:
            if run:
                words.append(run)
                run = ""
            if ch.strip() and ch not in "（）()":
                if words and not has_han(words[-1]) and not run and ch.isalnum():
                    words[-1] += ch
                else:
                    words.append(ch)
    if run:
        words.append(run)
    out = []
    for word in words:
        if not has_han(word):
            out.append(word)
            continue
        placed = False
        for place in HAN_PLACES:
            if word.startswith(place):
                out.append(
                    "".join(lazy_pinyin(place.rstrip("市"), style=Style.NORMAL)).capitalize()
                )
                word = word[len(place) :]
                placed = True
                break
        del placed
        syllables = lazy_pinyin(word, style=Style.NORMAL)
        for i in range(0, len(syllables), 2):
            out.append("".join(syllables[i : i + 2]).capitalize())
    return " ".join(out)


def main() -> None:
    rng = random.Random(13971)
    registry = load_registry()
    rows: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    registry_names = {n.value.casefold() for e in registry.entities.values() for n in e.names}

    def add(query: str | None, entity: str, label: int, group: str, note: str) -> None:
        if not query or (query, entity) in seen:
            return
        seen.add((query, entity))
        rows.append(
            {"query": query, "entity_id": entity, "label": str(label), "group": group, "note": note}
        )

    for entity in registry.entities.values():
        for name in entity.names:
            value = name.value
            if has_han(value):
                base, form = han_legal_split(value)
                add(S2T.convert(value), entity.id, 1, "han-variant", "traditional characters")
                for place in HAN_PLACES:
                    if base.startswith(place) and len(base) > len(place) + 1:
                        add(
                            base[len(place) :] + form,
                            entity.id,
                            1,
                            "han-variant",
                            "without the city",
                        )
                        break
                other = "股份有限公司" if form == "有限公司" else "有限公司"
                add(base + other, entity.id, 1, "han-variant", "another legal form")
                add(" ".join(value), entity.id, 1, "han-variant", "spaced out")
                if len(base) >= 2:
                    legal = PINYIN_LEGAL.get(form, "")
                    add(
                        f"{pinyin_words(base)} {legal}".strip(), entity.id, 1, "pinyin", "romanised"
                    )
                    add(pinyin_words(base).upper(), entity.id, 1, "pinyin", "romanised, upper case")
                brand = HAN_BRANDS.get(value)
                if brand and brand in value:
                    for other_brand in rng.sample(OTHER_HAN_BRANDS, 2):
                        fake = value.replace(brand, other_brand)
                        add(
                            fake, entity.id, 0, "han-same-city", f"{other_brand} instead of {brand}"
                        )
                    fake = value.replace(brand, rng.choice(OTHER_HAN_BRANDS))
                    fbase, fform = han_legal_split(fake)
                    if len(fbase) >= 2:
                        add(
                            f"{pinyin_words(fbase)} {PINYIN_LEGAL.get(fform, '')}".strip(),
                            entity.id,
                            0,
                            "pinyin-same-city",
                            "romanised, another brand",
                        )
                continue
            plain = strip_latin_legal(value)
            if len(plain.replace(" ", "")) < 4:
                continue
            add(abbreviate(value), entity.id, 1, "latin-variant", "upper case, abbreviated")
            add(transpose(plain, rng), entity.id, 1, "latin-variant", "transposed letters")
            add(drop_letter(plain, rng), entity.id, 1, "latin-variant", "dropped letter")
            add(
                f"{plain} {rng.choice(LEGAL_SUFFIXES)}",
                entity.id,
                1,
                "latin-variant",
                "another legal form",
            )
            if 2 <= len(plain.split()) <= 3:
                add(plain.replace(" ", ""), entity.id, 1, "latin-variant", "run together")
            words = plain.split()
            distinctive = next(
                (
                    i
                    for i, w in enumerate(words)
                    if w.lower()
                    not in ("shenzhen", "beijing", "zhuhai", "guangzhou", "zhejiang", "hangzhou")
                ),
                None,
            )
            if distinctive is not None and len(words) >= 2:
                for brand in rng.sample(OTHER_BRANDS, 2):
                    fake_words = [*words]
                    fake_words[distinctive] = brand
                    fake = " ".join(fake_words)
                    suffix = value[len(plain) :]
                    if fake.casefold() not in registry_names:
                        add(
                            fake + suffix,
                            entity.id,
                            0,
                            "generic-overlap",
                            f"{brand} instead of {words[distinctive]}",
                        )

    for query, entity, note in TRAPS:
        add(query, entity, 0, "trap", note)

    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(
            fh, fieldnames=["query", "entity_id", "label", "group", "note"], lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
    positives = sum(r["label"] == "1" for r in rows)
    han = sum(has_han(r["query"]) for r in rows)
    print(
        f"wrote {len(rows)} pairs to {OUT}: {positives} positive, {len(rows) - positives} negative, {han} in Chinese script"
    )


if __name__ == "__main__":
    main()
