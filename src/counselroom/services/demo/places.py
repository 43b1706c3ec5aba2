"""Where the synthetic school and its families are: region codes, addresses, phone numbers.

Names of the school, district, towns and institutions are invented and marked as demo data;
region codes are real GB/T 2260 codes (Chongqing 5001xx districts, 5002xx counties, and the
provinces migrant families most often come from), since ID numbers must carry a plausible code.
"""

from __future__ import annotations

import random

SCHOOL_NAMES = {
    "primary": "示范区实验小学（演示）",
    "junior": "示范区第一初级中学（演示）",
    "senior": "示范区第一高级中学（演示）",
    "complete": "示范区第一中学（演示）",
}
DISTRICT = "示范区"
DISTRICT_OFFICE = "示范区教育委员会"
SCHOOL_PHONE = "023-6000 0000"
PARTNER_HOSPITAL = "示范市精神卫生中心"

# (kind, name, department, phone, hours); 12355 is the national youth service hotline.
INSTITUTIONS: tuple[tuple[str, str, str, str, str], ...] = (
    ("hospital", PARTNER_HOSPITAL, "儿童青少年心理科", "023-6000 1200", "周一至周五 8:30-17:30"),
    ("hospital", "示范区人民医院", "心理科", "023-6000 3400", "周一至周六 8:00-17:00"),
    ("hotline", "青少年服务台心理援助热线", "", "12355", "全天"),
    ("service", "示范区未成年人心理健康辅导中心", "", "023-6000 5600", "周一至周五 9:00-17:00"),
)

# Home region of the school's own pupils: a rural county or an urban district of Chongqing.
HOME_REGIONS_RURAL = ("500235", "500233", "500230", "500236")  # 云阳 忠县 丰都 奉节
HOME_REGIONS_URBAN = ("500106", "500108", "500112", "500107")  # 沙坪坝 南岸 渝北 九龙坡
NEARBY_REGIONS = ("500101", "500102", "500115", "500116", "500117", "500118", "500231")
# Sichuan, Guizhou, Hunan, Hubei, Henan: where migrant (随迁) families often come from.
MIGRANT_REGIONS = ("511302", "510922", "522121", "520203", "430521", "421181", "411522")

TOWNS_RURAL = ("青石镇", "白沙镇", "龙潭镇", "双河镇", "桂溪镇", "新华乡", "石门乡", "永安镇")
VILLAGES = ("长岭村", "大坪村", "新桥村", "柏树村", "河坝村", "高峰村", "水井村", "黄葛村")
STREETS_URBAN = ("学府路", "天星桥街", "杨公桥路", "滨江路", "新华路", "民主路", "人和街")
ESTATES = ("锦绣花园", "阳光小区", "滨江苑", "书香华府", "金科城", "龙湖郡", "幸福里")

# Mobile prefixes of the three operators (and virtual operators, 170/171).
MOBILE_PREFIXES = (
    "130",
    "131",
    "132",
    "133",
    "134",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "170",
    "171",
    "172",
    "173",
    "175",
    "176",
    "177",
    "178",
    "180",
    "181",
    "182",
    "183",
    "184",
    "185",
    "186",
    "187",
    "188",
    "189",
    "190",
    "191",
    "192",
    "193",
    "195",
    "196",
    "197",
    "198",
    "199",
)


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(100_000_000):08d}"


def address(rng: random.Random, rural: bool) -> str:
    if rural:
        return f"{DISTRICT}{rng.choice(TOWNS_RURAL)}{rng.choice(VILLAGES)}{rng.randint(1, 12)}组"
    building = rng.randint(1, 24)
    floor = rng.randint(1, 32)
    return (
        f"{DISTRICT}{rng.choice(STREETS_URBAN)}{rng.randint(1, 300)}号"
        f"{rng.choice(ESTATES)}{building}栋{floor}-{rng.randint(1, 8)}"
    )


def ethnicity(rng: random.Random) -> str:
    """Chongqing's south-east counties add 土家族 and 苗族 to a Han majority."""
    roll = rng.random()
    if roll < 0.94:
        return "汉族"
    return "土家族" if roll < 0.985 else "苗族"
