"""A JSON export that nests its counterparty in an object: a payment API's transactions
("merchant": {"name": …}, UK Open Banking's "CreditorAccount": {"Name": …}, Stripe's
"billing_details": {"name": …}). Each row was an ERROR ("an object where text is
expected") where the object's key was an alias, and where it was not, the rows were
screened without their names: CLEAR on the text alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banscreen.surfaces.json_values import HEADER_ROWS
from banscreen.surfaces.nested import at_path, nested_paths
from test_column_aliases import screen


def write_json_lines(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


BASE = {"date": "2021-03-15", "category": "payment", "us_nexus": "true"}


@pytest.mark.parametrize(
    ("nested", "listed"),
    [
        ({"merchant": {"name": "ALIPAY", "city": "Hangzhou", "country": "CN"}}, True),
        ({"counterparty": {"name": "Tencent Holdings Ltd", "country": "CN"}}, True),
        ({"CreditorAccount": {"SchemeName": "IBAN", "Name": "Tenpay Payment Technology"}}, True),
        ({"MerchantDetails": {"MerchantName": "WeChat Pay", "MerchantCategoryCode": "6012"}}, True),
        ({"billing_details": {"name": "Beijing Kingsoft Office Software", "email": None}}, True),
        ({"payer_info": {"payer_name": {"alternate_full_name": "Alipay.com Co., Ltd."}}}, True),
        ({"merchant": {"name": "Acme Foods", "country": "GB"}}, False),
    ],
)
def test_a_nested_counterparty_is_read_by_its_path(
    tmp_path: Path, nested: dict[str, Any], listed: bool
) -> None:
    path = write_json_lines(tmp_path / "tx.jsonl", [{"id": "t1", **BASE, **nested, "text": "x"}])
    code, (row,), _ = screen(path)
    assert code == 0 and row["error"] == "", row
    assert (row["outcome"] != "CLEAR") == listed, row
    (key,) = nested
    assert json.loads(row[key]) == nested[key]  # the object is carried as it was


def test_a_nested_country_and_date_are_read_too(tmp_path: Path) -> None:
    rows = [{"id": "t1", "created_at": "2021-03-15T10:00:00Z", "category": "payment",
             "us_nexus": "true", "counterparty": {"name": "Tencent Holdings Ltd", "country": "CN"}}]  # fmt: skip
    code, (row,), _ = screen(write_json_lines(tmp_path / "tx.jsonl", rows))
    assert code == 0 and row["outcome"] == "REVIEW" and row["entity_id"] == "tencent-holdings"


def test_a_party_in_an_object_the_first_rows_have_not_is_read_row_by_row(
    tmp_path: Path,
) -> None:
    # The first HEADER_ROWS rows' objects are the file's columns; a kind met after them is
    # read by its path all the same, one side of the payment at a time.
    rows = [
        {"id": f"c{i}", **BASE, "MerchantDetails": {"MerchantName": "Acme Foods"}, "text": "card"}
        for i in range(HEADER_ROWS)
    ]
    rows += [
        {"id": "t2", **BASE, "CreditorAccount": {"Name": "Tencent Holdings Ltd"}, "text": "wire"},
        {"id": "t3", **BASE, "text": "a row with no party"},
        {"id": "t4", **BASE, "DebtorAccount": {"Name": "Ant Group Co., Ltd."}, "text": "refund"},
        {"id": "t5", **BASE, "CreditorAccount": {"Name": "Tencent Holdings Ltd"},
         "DebtorAccount": {"Name": "Acme Foods"}, "text": "both sides"},
        {"id": "t6", **BASE, "CreditorAccount": {"Name": "Acme"},
         "payee": {"name": "Tencent Holdings Ltd"}, "text": "two payee objects"},
    ]  # fmt: skip
    code, out, _ = screen(write_json_lines(tmp_path / "tx.jsonl", rows))
    by_id = {r["id"]: r for r in out}
    assert code == 0 and by_id["c0"]["outcome"] == "CLEAR"
    assert by_id["t2"]["entity_id"] == "tencent-holdings", by_id["t2"]
    assert by_id["t3"]["outcome"] == "CLEAR"  # nothing unread: decided on its text
    assert by_id["t4"]["entity_id"] == "ant-group", by_id["t4"]
    assert by_id["t5"]["outcome"] == "ERROR", by_id["t5"]
    assert "'CreditorAccount.Name' and 'DebtorAccount.Name'" in by_id["t5"]["error"]
    assert by_id["t6"]["entity_id"] == "tencent-holdings", by_id["t6"]  # a further name


@pytest.mark.parametrize("layout", ["lines", "parquet"])
def test_open_banking_debits_and_credits_are_each_read_by_their_one_side(
    tmp_path: Path, layout: str
) -> None:
    """A debit names its creditor, a credit its debtor: each row's counterparty. Such a
    file was refused as naming a payee and a payer; a row naming both is an ERROR."""
    rows: list[dict[str, Any]] = [
        {"id": "d1", **BASE, "CreditorAccount": {"Name": "Tencent Holdings Ltd"}, "text": "x"},
        {"id": "c1", **BASE, "DebtorAccount": {"Name": "Ant Group Co., Ltd."}, "text": "x"},
        {"id": "c2", **BASE, "DebtorAccount": {"Name": "Acme Foods"}, "text": "x"},
        {"id": "b1", **BASE, "CreditorAccount": {"Name": "Acme"},
         "DebtorAccount": {"Name": "Acme Foods"}, "text": "x"},
    ]  # fmt: skip
    if layout == "lines":
        path = write_json_lines(tmp_path / "tx.jsonl", rows)
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        path = tmp_path / "tx.parquet"
        keys = ("CreditorAccount", "DebtorAccount")  # null where a row has not the struct
        pq.write_table(pa.Table.from_pylist([{k: None for k in keys} | r for r in rows]), path)
    code, out, output = screen(path)
    assert code == 0, output
    by_id = {r["id"]: r for r in out}
    assert by_id["d1"]["entity_id"] == "tencent-holdings", by_id["d1"]
    assert by_id["c1"]["entity_id"] == "ant-group", by_id["c1"]
    assert by_id["c2"]["outcome"] == "CLEAR" and by_id["b1"]["outcome"] == "ERROR", out


def test_a_payee_and_a_payer_column_are_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "tx.csv"
    path.write_text("id,date,category,Payee,Payer,us_nexus\n1,2021-03-15,payment,A,B,true\n")
    code, _, output = screen(path)
    assert code == 2 and "'Payee' and 'Payer'" in output and "--columns" in output


def test_columns_names_a_nested_path(tmp_path: Path) -> None:
    rows = [{"id": "t1", **BASE, "party": {"legal": {"title": "Tencent Holdings Ltd"}}}]
    path = write_json_lines(tmp_path / "tx.jsonl", rows)
    code, (row,), _ = screen(path, "--columns", "counterparty_name=party.legal.title")
    assert code == 0 and row["entity_id"] == "tencent-holdings", row


json_scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=5)
json_objects = st.recursive(
    st.dictionaries(st.text(max_size=4), json_scalars, max_size=3),
    lambda inner: st.dictionaries(st.text(max_size=4), inner | st.lists(json_scalars), max_size=3),
    max_leaves=12,
)


@given(json_objects)
def test_every_nested_path_leads_to_its_value(row: dict[str, Any]) -> None:
    for keys in nested_paths(row).values():
        value = at_path(row, keys)
        assert not isinstance(value, dict | list)
        assert len(keys) <= 3


@pytest.mark.parametrize(
    "party",
    [{"iban": "DE89370400440532013000"}, {"country": "CN", "legal_title": "Acme"}],
)
def test_a_party_object_with_no_name_read_in_it_stays_an_error(
    tmp_path: Path, party: dict[str, str]
) -> None:
    rows = [{"id": "t1", **BASE, "counterparty": party, "text": "wire"}]
    code, (row,), _ = screen(write_json_lines(tmp_path / "tx.jsonl", rows))
    assert code == 0 and row["outcome"] == "ERROR" and "object" in row["error"], row


OPEN_BANKING = [  # UK Open Banking transactions: a card purchase, a transfer, neither
    {"TransactionId": "123", "BookingDateTime": "2021-03-15T10:00:00+00:00",
     "TransactionInformation": "Card purchase",
     "MerchantDetails": {"MerchantName": "Acme Foods", "MerchantCategoryCode": "5812"}},
    {"TransactionId": "124", "BookingDateTime": "2021-03-15T10:00:00+00:00",
     "TransactionInformation": "Transfer",
     "CreditorAccount": {"SchemeName": "UK.OBIE.IBAN", "Name": "Tencent Holdings Ltd"}},
    {"TransactionId": "125", "BookingDateTime": "2021-03-15T10:00:00+00:00",
     "TransactionInformation": "Transfer"},
]  # fmt: skip


@pytest.mark.parametrize("layout", ["lines", "array"])
def test_rows_naming_their_party_in_objects_of_their_kinds_are_each_read(
    tmp_path: Path, layout: str
) -> None:
    if layout == "lines":
        path = write_json_lines(tmp_path / "tx.jsonl", OPEN_BANKING)
    else:
        path = tmp_path / "tx.json"
        path.write_text(json.dumps(OPEN_BANKING, indent=2), "utf-8")
    code, out, _ = screen(path, "--category", "payment")
    by_id = {r["id"]: r for r in out}
    assert code == 0 and by_id["123"]["outcome"] == "CLEAR" and by_id["123"]["error"] == ""
    assert by_id["124"]["entity_id"] == "tencent-holdings", by_id["124"]
    assert by_id["125"]["outcome"] == "CLEAR"


def test_an_empty_name_column_is_read_past_to_the_next_of_its_side(tmp_path: Path) -> None:
    path = tmp_path / "tx.csv"
    path.write_text(
        "id,date,category,payee,beneficiary_name,us_nexus,text\n"
        "1,2021-03-15,payment,,Tencent Holdings Ltd,true,x\n", "utf-8"
    )  # fmt: skip
    code, (row,), _ = screen(path)
    assert code == 0 and row["entity_id"] == "tencent-holdings", row


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("counterparty", {"name": "Tencent Holdings Ltd", "country": "CN"}),
        ("merchant", {"name": "ALIPAY", "mcc": "6012"}),
        ("CreditorAccount", {"Name": "Tencent Holdings Ltd", "Identification": "GB00"}),
    ],
)
def test_a_parquet_struct_column_is_read_by_its_fields_paths(
    tmp_path: Path, column: str, value: dict[str, str]
) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({"id": ["1", "2"], "date": ["2021-03-15"] * 2, "category": ["payment"] * 2,
                      "us_nexus": ["true"] * 2, "text": ["wire"] * 2,
                      column: [value, {k: "Acme" for k in value}]})  # fmt: skip
    path = tmp_path / "tx.parquet"
    pq.write_table(table, path)
    code, out, output = screen(path)
    assert code == 0, output
    assert out[0]["outcome"] == "REVIEW" and out[1]["outcome"] == "CLEAR", out


def test_a_stripe_charge_is_read_with_its_unix_time_and_billing_name(tmp_path: Path) -> None:
    rows = [
        {"id": "ch_1", "object": "charge", "created": 1615766400, "amount": 10000,
         "billing_details": {"name": "Tencent Holdings Ltd", "email": None},
         "description": "cloud"},
        {"id": "ch_2", "created": 1615766400123, "billing_details": {"name": "Acme"},
         "description": "milliseconds"},
        {"id": "ch_3", "created": "1615766400", "billing_details": {"name": "Acme"},
         "description": "digits as text stay an error"},
    ]  # fmt: skip
    code, out, output = screen(write_json_lines(tmp_path / "charges.jsonl", rows),
                               "--category", "payment")  # fmt: skip
    assert code == 0, output
    by_id = {r["id"]: r for r in out}
    assert by_id["ch_1"]["entity_id"] == "tencent-holdings", by_id["ch_1"]
    assert by_id["ch_2"]["outcome"] == "CLEAR"
    assert by_id["ch_3"]["outcome"] == "ERROR" and "date" in by_id["ch_3"]["error"]
