"""Chinese personal names for the synthetic school.

Surname weights are per-mille shares of the population, close to the published household
register figures (公安部户籍统计): 王 李 张 about 7 % each, the top 100 about 85 %. The tail of
less common surnames is lumped so every name still comes from a list of real surnames. Two-
character surnames (复姓) are rarer in life than here: the demo raises them to about 0.5 % so
that a search box meets them. Given names use separate character pools for boys, girls and
the parents' and grandparents' generations; about 1 % of children carry a rare character
(𠮷 outside the Basic Multilingual Plane, 堃 昇 喆 珺 玥 燊) that fonts and databases must
survive.
"""

from __future__ import annotations

import random
from itertools import accumulate

# (surname, weight in per mille)
_SURNAMES: tuple[tuple[str, float], ...] = (
    ("王", 71.2),
    ("李", 70.0),
    ("张", 67.4),
    ("刘", 51.0),
    ("陈", 46.1),
    ("杨", 32.2),
    ("黄", 24.5),
    ("赵", 21.9),
    ("吴", 20.0),
    ("周", 19.5),
    ("徐", 14.5),
    ("孙", 13.8),
    ("马", 12.9),
    ("朱", 12.8),
    ("胡", 11.6),
    ("郭", 10.6),
    ("何", 10.3),
    ("林", 9.7),
    ("高", 9.7),
    ("罗", 8.6),
    ("郑", 8.2),
    ("梁", 8.1),
    ("谢", 7.2),
    ("宋", 7.0),
    ("唐", 6.5),
    ("许", 6.2),
    ("韩", 6.2),
    ("冯", 6.0),
    ("邓", 5.9),
    ("曹", 5.7),
    ("彭", 5.5),
    ("曾", 5.4),
    ("肖", 5.3),
    ("田", 5.2),
    ("董", 5.1),
    ("袁", 5.0),
    ("潘", 5.0),
    ("于", 4.9),
    ("蒋", 4.8),
    ("蔡", 4.7),
    ("余", 4.6),
    ("杜", 4.5),
    ("叶", 4.4),
    ("程", 4.3),
    ("苏", 4.0),
    ("魏", 4.1),
    ("吕", 4.0),
    ("丁", 3.9),
    ("任", 3.8),
    ("沈", 3.5),
    ("姚", 3.6),
    ("卢", 3.7),
    ("姜", 3.4),
    ("崔", 3.3),
    ("钟", 3.4),
    ("谭", 3.2),
    ("陆", 3.1),
    ("汪", 3.0),
    ("范", 3.0),
    ("金", 2.8),
    ("石", 2.9),
    ("廖", 2.9),
    ("贾", 2.7),
    ("夏", 2.6),
    ("韦", 2.7),
    ("付", 2.6),
    ("方", 2.5),
    ("白", 2.4),
    ("邹", 2.4),
    ("孟", 2.3),
    ("熊", 2.4),
    ("秦", 2.3),
    ("邱", 2.3),
    ("江", 2.2),
    ("尹", 2.1),
    ("薛", 2.1),
    ("闫", 2.1),
    ("段", 2.0),
    ("雷", 2.0),
    ("侯", 2.2),
    ("龙", 1.9),
    ("史", 1.9),
    ("陶", 1.8),
    ("黎", 1.9),
    ("贺", 1.8),
    ("顾", 1.7),
    ("毛", 1.7),
    ("郝", 1.7),
    ("龚", 1.6),
    ("邵", 1.6),
    ("万", 1.6),
    ("钱", 1.5),
    ("覃", 1.5),
    ("武", 1.5),
    ("戴", 1.5),
    ("孔", 1.4),
    ("汤", 1.3),
    ("庞", 1.3),
    ("向", 1.4),
    ("莫", 1.4),
    # polyphonic surnames, read differently as surnames (see domain.pinyin)
    ("单", 0.8),
    ("解", 0.4),
    ("仇", 0.4),
    ("区", 0.3),
    ("朴", 0.3),
    ("查", 0.4),
    ("缪", 0.4),
    ("翟", 0.8),
    # a lumped tail of less common surnames
    ("严", 1.4),
    ("常", 1.3),
    ("康", 1.3),
    ("牟", 1.0),
    ("冉", 1.0),
    ("代", 1.0),
    ("蒲", 0.9),
    ("谯", 0.5),
    ("母", 0.5),
    ("喻", 0.9),
    ("税", 0.4),
    ("但", 0.4),
    ("甘", 0.8),
    ("文", 1.0),
    ("易", 1.0),
    ("粟", 0.4),
    ("幸", 0.4),
    ("佘", 0.5),
    ("欧阳", 2.0),
    ("司马", 0.9),
    ("上官", 0.8),
    ("诸葛", 0.6),
    ("东方", 0.3),
)
# The rest of the population (about 15 %) shares many rarer surnames; spread evenly here.
_TAIL = (
    "傅葛苗洪岳柳齐鲁聂尤童章颜柴辛管倪包俞殷关耿施屈欧伍兰祝涂邢柯舒靳左翁安樊梅宁盛褚甄凌申"
    "焦阮储庄霍詹骆晏穆谷巫成邬匡荣路裴祁纪尚温芦卓岑滕隆练戚宗丰雍桑计伏闵房符湛冷阙刁牛井富"
    "巩乔米明赖游鄢郁隋麦云卞尧边池浦景冀敖弓蓝全宫苟郎揭廉官连蒙阳鞠鄂季闻奚卫贝车巴帅旷简虞"
    "桂戈仲杭楚艾麻"
)
_TAIL_WEIGHT = (1000.0 - sum(w for _, w in _SURNAMES)) / len(_TAIL)
SURNAMES = tuple(s for s, _ in _SURNAMES) + tuple(_TAIL)
_SURNAME_CUM = tuple(accumulate([w for _, w in _SURNAMES] + [_TAIL_WEIGHT] * len(_TAIL)))

BOY_CHARS = (
    "浩宇轩博文俊子睿泽晨阳鑫鹏辉毅航然凯昊天一宸铭诚恒翔瑞嘉志成梓奕豪杰涛磊"
    "强明亮云飞帆宁远思源承佑锦程逸皓辰煜彬斌林森峰骏朗琛川"
)
GIRL_CHARS = (
    "欣怡梦雨涵萱诗思悦可馨佳瑶琪彤嘉媛晴璐颖蕾倩薇月妍若紫婉语心安雪琳婷静"
    "芳娜敏丽菲霏露然柔依韵晓蓉蓓洁滢茜雯曦梓玲芸"
)
RARE_CHARS = ("𠮷", "堃", "昇", "喆", "珺", "玥", "燊")
_RARE_BOY = ("𠮷", "堃", "昇", "喆", "燊")
_RARE_GIRL = ("𠮷", "珺", "玥", "喆")

ADULT_MALE_CHARS = "建国军华平明伟强林海波勇斌刚峰涛辉志新文永德成红兵春生富贵祥龙洪"
ADULT_FEMALE_CHARS = "秀英红霞芳丽燕玲梅琴敏娟兰萍华静艳春凤琼莉翠桂珍云素玉蓉"

RARE_RATE = 0.012
SINGLE_CHAR_RATE = 0.2


def surname(rng: random.Random) -> str:
    return rng.choices(SURNAMES, cum_weights=_SURNAME_CUM)[0]


def child_name(rng: random.Random, gender: str, family: str | None = None) -> str:
    """A child's name; ``family`` is the surname (the father's, most often)."""
    pool = BOY_CHARS if gender == "M" else GIRL_CHARS
    first = rng.choice(pool)
    if rng.random() < SINGLE_CHAR_RATE:
        given = first
    else:
        second = rng.choice(pool)
        while second == first and rng.random() < 0.8:  # 娜娜 and 欣欣 exist, but rarely
            second = rng.choice(pool)
        given = first + second
    if rng.random() < RARE_RATE:
        rare = rng.choice(_RARE_BOY if gender == "M" else _RARE_GIRL)
        given = given[:-1] + rare if len(given) == 2 and rng.random() < 0.5 else rare + given[-1:]
        given = given[:2]
    return (family or surname(rng)) + given


def adult_name(rng: random.Random, gender: str, family: str | None = None) -> str:
    """A parent's, grandparent's or teacher's name: the pools of the 1950s-1990s."""
    pool = ADULT_MALE_CHARS if gender == "M" else ADULT_FEMALE_CHARS
    given = rng.choice(pool)
    if rng.random() >= 0.3:
        given += rng.choice(pool)
    return (family or surname(rng)) + given
