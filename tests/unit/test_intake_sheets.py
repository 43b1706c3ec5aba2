"""Reading messy .xlsx and .csv files into rows of text numbered as Excel shows them."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook  # type: ignore[import-untyped]

from counselroom.domain.errors import ValidationError
from counselroom.intake import sheets
from counselroom.intake.sheets import SheetRow, Table, column_letter, is_formula, read_table
from intake_samples import write_csv, write_xlsx

HEADER = ["学籍号", "姓名", "班级"]
PEOPLE = [
    ["G110101201003051234", "张三", "初二(3)班"],
    ["G110101201004061235", "李小梅", "初二（3）班"],
]


def rows_of(table: Table) -> list[tuple[int, tuple[str, ...]]]:
    return [(row.number, row.cells) for row in table.rows]


# --- text files -------------------------------------------------------------------------


def test_gb18030_csv_as_chinese_excel_saves_it(tmp_path: Path) -> None:
    # Chinese Excel's "CSV (逗号分隔)": GB18030/GBK, no BOM, CRLF line ends.
    path = write_csv(tmp_path / "名单.csv", [HEADER, *PEOPLE], encoding="gb18030")
    raw = path.read_bytes()
    assert b"\r\n" in raw and not raw.startswith(b"\xef\xbb\xbf")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # the file really is not UTF-8
    table = read_table(path)
    assert table.name == "名单.csv"
    assert rows_of(table) == [(1, tuple(HEADER)), (2, tuple(PEOPLE[0])), (3, tuple(PEOPLE[1]))]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8"])
def test_utf8_with_and_without_bom(tmp_path: Path, encoding: str) -> None:
    path = write_csv(tmp_path / "r.csv", [HEADER, *PEOPLE], encoding=encoding)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    table = read_table(path)
    assert table.rows[0].cells == tuple(HEADER)  # no BOM glued to 学籍号
    assert table.rows[2].cells == tuple(PEOPLE[1])


def test_utf16_tab_separated_unicode_text(tmp_path: Path) -> None:
    rows = [HEADER, ["G1", "王五", "北京市, 海淀区"]]
    path = write_csv(tmp_path / "r.txt", rows, encoding="utf-16", delimiter="\t")
    assert path.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert rows_of(read_table(path)) == [(1, tuple(HEADER)), (2, ("G1", "王五", "北京市, 海淀区"))]


def test_tab_file_whose_cells_hold_commas(tmp_path: Path) -> None:
    rows = [HEADER, ["G1", "王五", "1,2"], ["G2", "赵六", "a,b,c,d"]]
    path = write_csv(tmp_path / "r.tsv", rows, encoding="utf-8", delimiter="\t")
    assert [row.cells for row in read_table(path).rows] == [tuple(r) for r in rows]


def test_comma_file_whose_cells_hold_tabs(tmp_path: Path) -> None:
    rows = [HEADER, ["G1", "王\t五", "x\t\t\ty"]]
    path = write_csv(tmp_path / "r.csv", rows)
    assert [row.cells for row in read_table(path).rows] == [tuple(r) for r in rows]


def test_title_line_without_separators_does_not_decide_the_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("2024级学生名单\n学籍号\t姓名\tX,Y\nG1\t张三\t1,2\n", encoding="utf-8")
    assert rows_of(read_table(path)) == [
        (1, ("2024级学生名单",)),
        (2, ("学籍号", "姓名", "X,Y")),
        (3, ("G1", "张三", "1,2")),
    ]


def test_quoted_cells_with_commas_quotes_and_newlines_keep_excel_row_numbers(
    tmp_path: Path,
) -> None:
    path = tmp_path / "r.csv"
    text = '姓名,住址,备注\r\n张三,"北京市,海淀区","第一行\r\n第二行"\r\n李四,"他说""好""",\r\n'
    path.write_bytes(text.encode("utf-8"))
    # The record spanning two physical lines is one row in Excel: 李四 is on row 3.
    assert rows_of(read_table(path)) == [
        (1, ("姓名", "住址", "备注")),
        (2, ("张三", "北京市,海淀区", "第一行\r\n第二行")),
        (3, ("李四", '他说"好"')),
    ]


def test_blank_lines_are_dropped_but_counted(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [HEADER, [], PEOPLE[0], ["", " ", "\u3000"], PEOPLE[1]])
    assert [row.number for row in read_table(path).rows] == [1, 3, 5]


def test_spaces_are_trimmed_and_full_width_digits_kept(tmp_path: Path) -> None:
    rows = [HEADER, ["  G１２３ ", "\u3000张 三\u3000", "\u00a0初二(３)班\t"]]
    table = read_table(write_csv(tmp_path / "r.csv", rows))
    # Only surrounding whitespace goes: converting digits is the field parsers' job, and the
    # space inside a name is the name's.
    assert table.rows[1].cells == ("G１２３", "张 三", "初二(３)班")


def test_trailing_empty_cells_are_trimmed_and_width_is_the_longest_row(tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path / "r.csv", [["a", "b", "", ""], ["c", "", "d", " "]]))
    assert [row.cells for row in table.rows] == [("a", "b"), ("c", "", "d")]
    assert table.width() == 3
    assert Table("x", ()).width() == 0


@pytest.mark.parametrize(
    "content", [b"", b"\xef\xbb\xbf", b"\r\n\r\n", b" , ,\n\t\n", "\u3000,\r\n".encode()]
)
def test_empty_text_file_has_no_rows(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(ValidationError, match="has no rows") as err:
        read_table(path)
    assert err.value.record == "empty.csv"


def test_header_only_file_is_a_table_of_one_row(tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path / "h.csv", [HEADER]))
    assert rows_of(table) == [(1, tuple(HEADER))]


def test_text_in_neither_utf8_nor_gb18030_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(b"\xd1\xa7,\x80\xff\xfe,x\n")  # 0x80 and 0xFF start nothing in either
    with pytest.raises(ValidationError, match="neither UTF-8 nor GB18030") as err:
        read_table(path)
    assert err.value.record == "r.csv"


def test_broken_utf16_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(b"\xff\xfe\x00\xd8a\x00")  # a lone high surrogate
    with pytest.raises(ValidationError, match="neither UTF-8 nor GB18030"):
        read_table(path)


def test_binary_data_in_a_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(b"a,b\n\x00\x01,c\n")
    with pytest.raises(ValidationError, match="binary data"):
        read_table(path)


def test_workbook_saved_with_a_csv_name_says_to_rename_it(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "r.xlsx", [HEADER])
    renamed = tmp_path / "r.csv"
    renamed.write_bytes((tmp_path / "r.xlsx").read_bytes())
    with pytest.raises(ValidationError, match=r"rename it to \.xlsx"):
        read_table(renamed)


def test_a_cell_beyond_the_csv_field_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text('a,b\n"' + "x" * 200_000 + '",c\n', encoding="utf-8")
    with pytest.raises(ValidationError, match="row 2 is not readable CSV"):
        read_table(path)


# --- workbooks ----------------------------------------------------------------------------


def test_xlsx_title_row_merged_cells_and_blank_rows(tmp_path: Path) -> None:
    rows: list[Sequence[object]] = [HEADER, PEOPLE[0], [], [None, None, None], PEOPLE[1]]
    path = write_xlsx(tmp_path / "r.xlsx", rows, title="某某中学2024级学生名单")
    with zipfile.ZipFile(path) as archive:
        assert b"mergeCell " in archive.read("xl/worksheets/sheet1.xml")
    assert rows_of(read_table(path)) == [
        (1, ("某某中学2024级学生名单",)),
        (2, tuple(HEADER)),
        (3, tuple(PEOPLE[0])),
        (6, tuple(PEOPLE[1])),
    ]


def test_xlsx_cell_values_become_the_text_the_parsers_expect(tmp_path: Path) -> None:
    values: list[object] = [
        3,
        3.0,
        2.5,
        110101201003051234.0,  # an 18-digit ID typed as a number
        110101100305123,  # an old 15-digit ID fits in Excel's precision
        13800138000,
        0.1 + 0.2,
        datetime(2010, 3, 5),
        date(2010, 1, 2),
        datetime(2024, 9, 1, 8, 30, 15),
        time(8, 30),
        True,
        False,
        "=SUM(B2:D2)",
        "  ２０１０年３月５日 ",
    ]
    path = write_xlsx(tmp_path / "r.xlsx", [[f"h{i}" for i in range(len(values))], values])
    assert read_table(path).rows[1].cells == (
        "3",
        "3",
        "2.5",
        "1.10101201003051e+17",
        "110101100305123",
        "13800138000",
        "0.3",
        "2010-03-05",
        "2010-01-02",
        "2024-09-01 08:30",
        "08:30",
        "TRUE",
        "FALSE",
        "=SUM(B2:D2)",
        "２０１０年３月５日",
    )


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (110101201003051234.0, "1.10101201003051e+17"),  # Excel shows 1.10101E+17 too
        (110101201003051000.0, "1.10101201003051e+17"),
        (1234567890123456.0, "1.23456789012346e+15"),
        (1e15, "1e+15"),
        (999999999999999.0, "999999999999999"),
        (-3.0, "-3"),
        (-0.0, "0"),
        (0.30000000000000004, "0.3"),  # 17 significant digits: binary noise, not data
        (2.675, "2.675"),
        (1e-07, "1e-07"),
    ],
)
def test_float_cells(value: float, text: str) -> None:
    # openpyxl reads an integral number written without an exponent as an int, so the
    # float rules are checked on the converter itself.
    assert sheets._cell_text(value) == text


def test_active_sheet_is_read(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active.append(["说明", "这一页不是数据"])
    data = workbook.create_sheet("学生")
    data.append(HEADER)
    workbook.active = data
    workbook.save(tmp_path / "r.xlsx")
    assert rows_of(read_table(tmp_path / "r.xlsx")) == [(1, tuple(HEADER))]


def test_a_wrong_dimension_record_does_not_cut_the_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", [HEADER, *PEOPLE])
    # Some exporters write A1 whatever the size of the sheet.
    broken = _rewrite_sheet(
        path, tmp_path / "dim.xlsx", b'<dimension ref="A1:C3" />', b'<dimension ref="A1" />'
    )
    assert [row.cells for row in read_table(broken).rows] == [tuple(HEADER), *map(tuple, PEOPLE)]


def _rewrite_sheet(path: Path, out: Path, old: bytes, new: bytes) -> Path:
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert old in data
                data = data.replace(old, new)
            dst.writestr(item, data)
    return out


def test_a_row_number_beyond_excels_last_row_is_damage(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", [HEADER, ["G1"]])
    # A flipped digit in a row number must not make the reader walk billions of blank rows.
    broken = _rewrite_sheet(
        path, tmp_path / "far.xlsx", b'<row r="2"><c r="A2"', b'<row r="1100000"><c r="A1100000"'
    )
    with pytest.raises(ValidationError, match="damaged or not Excel"):
        read_table(broken)


def test_upper_case_extension_is_accepted(tmp_path: Path) -> None:
    assert read_table(write_xlsx(tmp_path / "R.XLSX", [HEADER])).rows[0].cells == tuple(HEADER)


def test_empty_workbook_has_no_rows(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="has no rows"):
        read_table(write_xlsx(tmp_path / "e.xlsx", [[], [None, "  "]]))


def test_random_bytes_are_not_a_readable_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ValidationError, match=r"not a readable \.xlsx file") as err:
        read_table(path)
    assert err.value.record == "bad.xlsx"


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_xlsx_is_not_readable(tmp_path: Path, keep: float) -> None:
    full = write_xlsx(tmp_path / "full.xlsx", [HEADER, *PEOPLE] * 50).read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(full[: int(len(full) * keep)])
    with pytest.raises(ValidationError, match=r"damaged or not Excel"):
        read_table(path)


def test_old_or_password_protected_workbook_named_xlsx_gets_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    with pytest.raises(ValidationError, match="password-protected"):
        read_table(path)


@pytest.mark.parametrize("name", ["名单.xls", "名单.XLS", "名单.et"])
def test_old_excel_formats_are_refused_with_what_to_do(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ValidationError) as err:
        read_table(path)
    assert "save it as .xlsx (Excel 2007 or later) or .csv and import again" in err.value.message
    assert err.value.record == name


@pytest.mark.parametrize("name", ["r.pdf", "r.ods", "r"])
def test_unknown_extensions_are_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"a,b\n")
    with pytest.raises(ValidationError, match="cannot read"):
        read_table(path)


def test_missing_file_is_a_validation_error(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="cannot open the file") as err:
        read_table(tmp_path / "gone.csv")
    assert err.value.record == "gone.csv"


def test_oversized_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sheets, "MAX_FILE_BYTES", 10)
    path = write_csv(tmp_path / "r.csv", [HEADER, *PEOPLE])
    with pytest.raises(ValidationError, match="right file"):
        read_table(path)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_more_than_max_data_rows_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    monkeypatch.setattr(sheets, "MAX_DATA_ROWS", 5)
    write = write_csv if suffix == ".csv" else write_xlsx
    # Five non-blank rows with blank ones between: at the limit, accepted.
    at_limit: list[Sequence[object]] = [HEADER, [], PEOPLE[0], [], PEOPLE[1], PEOPLE[0], PEOPLE[1]]
    assert len(read_table(write(tmp_path / f"ok{suffix}", at_limit)).rows) == 5
    with pytest.raises(ValidationError, match="more than 5 rows") as err:
        read_table(write(tmp_path / f"big{suffix}", [*at_limit, PEOPLE[0]]))
    assert err.value.record == f"big{suffix}"


# --- helpers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("index", "letters"),
    [
        (0, "A"),
        (1, "B"),
        (25, "Z"),
        (26, "AA"),
        (27, "AB"),
        (51, "AZ"),
        (52, "BA"),
        (701, "ZZ"),
        (702, "AAA"),
        (16383, "XFD"),  # Excel's last column
    ],
)
def test_column_letter(index: int, letters: str) -> None:
    assert column_letter(index) == letters


def test_column_letter_refuses_a_negative_index() -> None:
    with pytest.raises(ValueError):
        column_letter(-1)


@pytest.mark.parametrize(
    ("text", "formula"),
    [
        ("=SUM(B2:D2)", True),
        ("=A1", True),
        ("==", True),
        ("=", False),
        ("", False),
        ("3", False),
        (" =A1", False),
    ],
)
def test_is_formula(text: str, formula: bool) -> None:
    assert is_formula(text) is formula


def test_rows_are_values() -> None:
    assert SheetRow(2, ("a",)) == SheetRow(2, ("a",))
    with pytest.raises(AttributeError):
        SheetRow(2, ("a",)).number = 3  # type: ignore[misc]


# --- generated files ----------------------------------------------------------------------

# Cells as people type them: CJK, full-width forms, separators, quotes, line breaks, padding.
_MESSY = st.sampled_from(list(" ,\"'\n\t\r\u3000\u00a0=张三学籍号初二（３）班１２ＸxX-."))
_ANY = st.characters(exclude_categories=("Cs", "Cc", "Co", "Cn"))
CSV_CELLS = st.text(st.one_of(_MESSY, _ANY), max_size=8)
# XML turns "\r" into "\n" and a leading "=" makes openpyxl write a formula: not cell text.
XLSX_CELLS = CSV_CELLS.map(lambda s: s.replace("\r", "").lstrip("="))
# A header is plain words, as real exports have: its separators decide the delimiter.
HEADERS = st.lists(
    st.sampled_from(["学籍号", "姓名", "性别", "班级", "Q1", "成员1姓名"]), min_size=2
)


def _expected(rows: list[list[str]]) -> list[tuple[int, tuple[str, ...]]]:
    expected = []
    for number, row in enumerate(rows, start=1):
        cells = [cell.strip() for cell in row]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            expected.append((number, tuple(cells)))
    return expected


def _tables(cells: st.SearchStrategy[str]) -> st.SearchStrategy[list[list[str]]]:
    body = st.lists(st.lists(cells, max_size=5), max_size=6)
    return st.tuples(HEADERS, body).map(lambda t: [t[0], *t[1]])


@settings(max_examples=150, deadline=None)
@given(
    rows=_tables(CSV_CELLS),
    form=st.sampled_from([("utf-8-sig", ","), ("gb18030", ","), ("utf-16", "\t"), ("utf-8", "\t")]),
)
def test_generated_csv_reads_back(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]], form: tuple[str, str]
) -> None:
    encoding, delimiter = form
    if encoding == "gb18030":
        # UTF-8 is tried first, as it must be: GB18030 bytes that happen to be valid UTF-8
        # (a lone 牛 is C5 A3, "ţ" in UTF-8) cannot be told apart, and real rosters never
        # consist of such characters only.
        text = "\n".join(",".join(row) for row in rows)
        try:
            text.encode("gb18030").decode("utf-8")
            assume(text.isascii())
        except UnicodeDecodeError:
            pass
    path = write_csv(
        tmp_path_factory.mktemp("csv") / "t.csv",
        rows,
        encoding=encoding,
        delimiter=delimiter,
    )
    assert rows_of(read_table(path)) == _expected(rows)


@settings(max_examples=60, deadline=None)
@given(rows=_tables(XLSX_CELLS), title=st.booleans())
def test_generated_xlsx_reads_back(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]], title: bool
) -> None:
    path = tmp_path_factory.mktemp("xlsx") / "t.xlsx"
    write_xlsx(path, rows, title="名单" if title else None)
    expected = _expected(rows)
    if title:
        expected = [(1, ("名单",))] + [(number + 1, cells) for number, cells in expected]
    assert rows_of(read_table(path)) == expected


def _read_or_refuse(path: Path) -> None:
    try:
        table = read_table(path)
    except ValidationError as err:
        assert err.record == path.name
        assert err.message
    else:
        assert table.rows and all(row.cells and row.cells[-1] for row in table.rows)
        assert [row.number for row in table.rows] == sorted({r.number for r in table.rows})


@settings(max_examples=300, deadline=None)
@given(data=st.one_of(st.binary(), st.binary().map(lambda b: b"PK\x03\x04" + b)))
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_random_bytes_give_a_table_or_a_validation_error(
    tmp_path_factory: pytest.TempPathFactory, suffix: str, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("bytes") / f"random{suffix}"
    path.write_bytes(data)
    _read_or_refuse(path)


def _sample_xlsx() -> bytes:

    workbook = Workbook()
    for row in [HEADER, *PEOPLE, [3, 2.5, datetime(2010, 3, 5)], ["=A1"]]:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


SAMPLE_XLSX = _sample_xlsx()


@settings(max_examples=300, deadline=None)
@given(
    changes=st.lists(
        st.tuples(st.integers(0, len(SAMPLE_XLSX) - 1), st.integers(0, 255)), max_size=6
    ),
    keep=st.integers(0, len(SAMPLE_XLSX)),
)
def test_damaged_real_xlsx_gives_a_table_or_a_validation_error(
    tmp_path_factory: pytest.TempPathFactory, changes: list[tuple[int, int]], keep: int
) -> None:
    data = bytearray(SAMPLE_XLSX)
    for position, value in changes:
        data[position] = value
    path = tmp_path_factory.mktemp("damaged") / "damaged.xlsx"
    path.write_bytes(bytes(data[:keep] if keep < len(data) // 2 else data))
    _read_or_refuse(path)
